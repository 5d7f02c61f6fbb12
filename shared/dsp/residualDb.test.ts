import { describe, expect, it } from 'vitest';
import { residualDb } from './residualDb';

const f = (...v: number[]) => Float32Array.from(v);

describe('residualDb', () => {
  it('is −Infinity for identical renders', () => {
    expect(residualDb([f(0.5, -0.5)], [f(0.5, -0.5)])).toBe(-Infinity);
    expect(residualDb([f(0.5)], [f(0.5)], { measure: 'rms' })).toBe(-Infinity);
  });

  it('measures the largest difference, or its RMS, in dBFS', () => {
    expect(residualDb([f(0, 0.1, 0)], [f(0, 0, 0)])).toBeCloseTo(-20, 5);
    // RMS of [0, 0.1, 0, 0] over 4 samples of 2 channels: sqrt(0.01 / 4) = 0.05 → −26.02 dB.
    expect(residualDb([f(0, 0.1), f(0, 0)], [f(0, 0), f(0, 0)], { measure: 'rms' })).toBeCloseTo(-26.02, 2);
  });

  it('counts a tail one side lacks, unless told to compare only the shorter length', () => {
    expect(residualDb([f(0.2, 0.5)], [f(0.2)])).toBeCloseTo(20 * Math.log10(0.5), 5);
    expect(residualDb([f(0.2, 0.5)], [f(0.2)], { over: 'shorter' })).toBe(-Infinity);
  });
});
