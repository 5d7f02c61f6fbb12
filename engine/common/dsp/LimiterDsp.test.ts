import { describe, expect, it } from 'vitest';
import { LimiterDsp } from './LimiterDsp';

const sr = 48000;
function sine(amplitude: number, frequency: number, seconds: number): Float32Array {
  const x = new Float32Array(Math.round(seconds * sr));
  for (let i = 0; i < x.length; i++) x[i] = amplitude * Math.sin((2 * Math.PI * frequency * i) / sr);
  return x;
}
const peakOf = (x: Float32Array) => x.reduce((m, v) => Math.max(m, Math.abs(v)), 0);

describe('LimiterDsp', () => {
  it('passes audio below the ceiling through bit-exact, aligned', () => {
    const left = sine(0.5, 440, 1);
    const right = sine(0.4, 660, 1);
    const channels = [left.slice(), right.slice()];
    LimiterDsp.limitBuffer(channels, sr, -1);
    expect(channels[0]).toEqual(left);
    expect(channels[1]).toEqual(right);
  });

  it('never lets a sample exceed the ceiling, even on a sudden peak', () => {
    const x = sine(0.3, 200, 1);
    for (let i = 24000; i < 24100; i++) x[i] = 1.8 * Math.sign(x[i]! || 1);
    const channels = [x.slice(), x.slice()];
    LimiterDsp.limitBuffer(channels, sr, -1);
    expect(peakOf(channels[0]!)).toBeLessThanOrEqual(Math.pow(10, -1 / 20) + 1e-6);
  });

  it('reduces a loud tone by about its excess and keeps its shape', () => {
    const x = sine(1.5, 100, 2);
    const channels = [x.slice()];
    LimiterDsp.limitBuffer(channels, sr, -3);
    const out = channels[0]!;
    expect(peakOf(out.subarray(sr))).toBeLessThanOrEqual(Math.pow(10, -3 / 20) + 1e-6);
    expect(peakOf(out.subarray(sr))).toBeGreaterThan(Math.pow(10, -3 / 20) * 0.9);
  });

  it('returns to exactly unity gain after limiting, so quiet passages stay bit-exact', () => {
    const loud = sine(1.4, 300, 0.5);
    const quiet = sine(0.2, 300, 1);
    const x = new Float32Array(loud.length + quiet.length);
    x.set(loud);
    x.set(quiet, loud.length);
    const channels = [x.slice()];
    LimiterDsp.limitBuffer(channels, sr, -1);
    expect(channels[0]!.subarray(loud.length + sr / 2)).toEqual(x.subarray(loud.length + sr / 2));
  });
});
