import { describe, expect, it } from 'vitest';
import { createSignalsmith } from './loadSignalsmith';
import { stretchChannels } from './stretchChannels';

const sr = 48000;

function sine(frequency: number, seconds: number, amplitude = 0.5): Float32Array {
  const x = new Float32Array(Math.round(seconds * sr));
  for (let i = 0; i < x.length; i++) x[i] = amplitude * Math.sin((2 * Math.PI * frequency * i) / sr);
  return x;
}

/**
 * Tonal SNR: fit the best sinusoid near the expected frequency (amplitude,
 * phase and frequency by least squares) over the steady middle, and compare
 * its energy with everything else. Also returns the fitted pitch error.
 */
export function tonalSnr(y: Float32Array, expectedHz: number, from: number, to: number): { snrDb: number; centsOff: number } {
  const residual = (f: number) => {
    let ss = 0,
      cc = 0,
      sc = 0,
      ys = 0,
      yc = 0;
    for (let i = from; i < to; i++) {
      const s = Math.sin((2 * Math.PI * f * i) / sr),
        c = Math.cos((2 * Math.PI * f * i) / sr);
      ss += s * s;
      cc += c * c;
      sc += s * c;
      ys += y[i]! * s;
      yc += y[i]! * c;
    }
    const det = ss * cc - sc * sc,
      a = (ys * cc - yc * sc) / det,
      b = (yc * ss - ys * sc) / det;
    let signal = 0,
      error = 0;
    for (let i = from; i < to; i++) {
      const fit = a * Math.sin((2 * Math.PI * f * i) / sr) + b * Math.cos((2 * Math.PI * f * i) / sr);
      signal += fit * fit;
      error += (y[i]! - fit) ** 2;
    }
    return { signal, error };
  };
  let lo = expectedHz * 0.99,
    hi = expectedHz * 1.01;
  for (let k = 0; k < 40; k++) {
    const m1 = lo + (hi - lo) / 3,
      m2 = hi - (hi - lo) / 3;
    if (residual(m1).error < residual(m2).error) hi = m2;
    else lo = m1;
  }
  const f = (lo + hi) / 2;
  const { signal, error } = residual(f);
  return { snrDb: 10 * Math.log10(signal / error), centsOff: 1200 * Math.log2(f / expectedHz) };
}

describe('stretchChannels (Signalsmith Stretch, offline)', () => {
  it.each([
    ['+8 BPM at 100 BPM (time only)', 440, 100 / 108, 0],
    ['half speed', 330, 2, 0],
    ['+3 semitones, same tempo', 440, 1, 3],
    ['−5 semitones, same tempo', 220, 1, -5],
    ['+2 semitones and +8 BPM', 330, 100 / 108, 2],
  ])('%s: tonal SNR ≥ 40 dB and pitch within 5 cents', async (_name, frequency, timeFactor, semitones) => {
    const x = sine(frequency, 3);
    const [y] = stretchChannels(await createSignalsmith(), [x], sr, { timeFactor, semitones });
    expect(y!.length).toBe(Math.round(x.length * timeFactor));
    const { snrDb, centsOff } = tonalSnr(y!, frequency * 2 ** (semitones / 12), Math.round(0.5 * sr), Math.round((3 * timeFactor - 0.5) * sr));
    expect(snrDb).toBeGreaterThanOrEqual(40);
    expect(Math.abs(centsOff)).toBeLessThan(5);
  });

  it('keeps transients where the new tempo puts them', async () => {
    const x = new Float32Array(2 * sr);
    x[20_000] = 1;
    x[60_000] = 1;
    const factor = 1.25;
    const [y] = stretchChannels(await createSignalsmith(), [x], sr, { timeFactor: factor, semitones: 0 });
    const peakNear = (center: number) => {
      let best = 0,
        at = 0;
      for (let i = center - 2000; i < center + 2000; i++) if (Math.abs(y![i]!) > best) [best, at] = [Math.abs(y![i]!), i];
      return at;
    };
    expect(Math.abs(peakNear(25_000) - 25_000)).toBeLessThan(48); // within 1 ms
    expect(Math.abs(peakNear(75_000) - 75_000)).toBeLessThan(48);
  });

  it('is deterministic, whatever was stretched before', async () => {
    const x = sine(523, 1);
    // A signal that stops half-way leaves phase state behind in a reused instance.
    const other = sine(200, 1);
    other.fill(0, sr / 2);
    const a = stretchChannels(await createSignalsmith(), [x, x], sr, { timeFactor: 1.1, semitones: 1 });
    const reused = await createSignalsmith();
    stretchChannels(reused, [other, other], sr, { timeFactor: 1.1, semitones: 1 });
    const b = stretchChannels(await createSignalsmith(), [x, x], sr, { timeFactor: 1.1, semitones: 1 });
    expect(Buffer.from(a[0]!.buffer).equals(Buffer.from(b[0]!.buffer))).toBe(true);
    expect(Buffer.from(a[1]!.buffer).equals(Buffer.from(b[1]!.buffer))).toBe(true);
  });
});
