import { describe, expect, it } from 'vitest';
import { Fft } from './Fft';
import { resampleToAnalysisRate } from './resampleToAnalysisRate';

const tone = (hz: number, rate: number, seconds = 1, amplitude = 0.5) =>
  Float32Array.from({ length: Math.round(rate * seconds) }, (_, n) => amplitude * Math.sin((2 * Math.PI * hz * n) / rate));
/** RMS of the middle half (away from the filter's edges). */
const rmsMiddle = (x: Float32Array) => {
  const part = x.subarray(x.length >> 2, (3 * x.length) >> 2);
  return Math.sqrt(part.reduce((s, v) => s + v * v, 0) / part.length);
};

/** The loudest component between 0 and 3.4 kHz of an 8 kHz signal, in dB re a sine of amplitude 0.5 (Hann, 4096 points). */
function loudestInBandDb(x: Float32Array): number {
  const n = 4096;
  const start = (x.length - n) >> 1;
  const frame = Float64Array.from({ length: n }, (_, i) => x[start + i]! * (0.5 - 0.5 * Math.cos((2 * Math.PI * i) / n)));
  const power = new Float64Array(n / 2);
  new Fft(n / 2).realPower(frame, n / 2, power, new Float64Array(n / 2), new Float64Array(n / 2));
  const last = Math.floor((3400 / 8000) * n);
  return 10 * Math.log10(Math.max(...power.subarray(1, last + 1)) / ((0.5 * n) / 4) ** 2);
}

describe('resampleToAnalysisRate', () => {
  it.each([44100, 48000, 96000, 22050, 16000])('passes a 1 kHz tone at %i Hz unchanged in level and length', (rate) => {
    const out = resampleToAnalysisRate([tone(1000, rate)], rate);
    expect(Math.abs(out.length - 8000)).toBeLessThanOrEqual(1);
    expect(rmsMiddle(out)).toBeCloseTo(0.5 / Math.SQRT2, 2);
  });

  it.each([44100, 48000])('keeps what would alias out of the analysed band, 0–3.4 kHz (%i Hz)', (rate) => {
    expect(loudestInBandDb(resampleToAnalysisRate([tone(2000, rate, 2)], rate))).toBeCloseTo(0, 0);
    // At 8 kHz, 5.5 kHz would fold to 2.5 kHz, 7 kHz to 1 kHz, 9.3 kHz to 1.3 kHz, 14 kHz to 2 kHz.
    for (const hz of [5500, 7000, 9300, 14000]) expect(loudestInBandDb(resampleToAnalysisRate([tone(hz, rate, 2)], rate))).toBeLessThan(-45);
  });

  it('gives the same analysis signal for a 44.1 kHz and a 48 kHz copy', () => {
    const a = resampleToAnalysisRate([tone(440, 44100), tone(1234, 44100, 1, 0.2)], 44100);
    const b = resampleToAnalysisRate([tone(440, 48000), tone(1234, 48000, 1, 0.2)], 48000);
    const mid = a.subarray(2000, 6000);
    const diff = mid.map((v, i) => v - b[2000 + i]!);
    expect(rmsMiddle(diff) / rmsMiddle(mid)).toBeLessThan(0.01);
  });

  it('reads NaN and infinite samples as silence', () => {
    const poisoned = tone(1000, 48000);
    for (let i = 0; i < poisoned.length; i += 97) poisoned[i] = i % 2 ? NaN : -Infinity;
    const out = resampleToAnalysisRate([poisoned], 48000);
    expect(out.every(Number.isFinite)).toBe(true);
    expect(rmsMiddle(out)).toBeCloseTo(0.5 / Math.SQRT2, 1);
  });

  it('mixes channels to mono and refuses a nonsense rate', () => {
    const left = tone(1000, 8000);
    expect(resampleToAnalysisRate([left, left.map((v) => -v)], 8000).every((v) => v === 0)).toBe(true);
    expect(() => resampleToAnalysisRate([left], 0)).toThrow(/sample rate/);
  });
});
