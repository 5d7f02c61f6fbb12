import { describe, expect, it } from 'vitest';
import { Resampler } from './Resampler';
import { strongestOtherDb, tone, toneAmplitude } from '../../../tests/helpers/toneAnalysis';

/**
 * Tone tests of the mastering promise: pass band within ±0.1 dB to 20 kHz,
 * images (upsampling) and aliases (downsampling) at or below −100 dB.
 */
const AMPLITUDE = 0.5;
const SIZE = 32768;

function through(from: number, to: number, frequency: number) {
  const out = new Resampler(from, to).process([tone(frequency, from, 1, AMPLITUDE)])[0]!;
  // Analyse the steady state, away from the start and end transients.
  const start = Math.round(to * 0.2);
  return { out, start };
}

describe('Resampler', () => {
  it.each([
    [44100, 48000],
    [48000, 44100],
    [44100, 96000],
    [96000, 44100],
    [88200, 48000],
  ])('%i → %i Hz: pass band flat within ±0.1 dB to 20 kHz, everything else ≤ −100 dB', (from, to) => {
    for (const frequency of [31, 997, 5003, 10007, 15013, 18503, 19997]) {
      const { out, start } = through(from, to, frequency);
      const level = 20 * Math.log10(toneAmplitude(out, to, frequency, start, SIZE) / AMPLITUDE);
      expect(Math.abs(level), `${frequency} Hz level ${level.toFixed(4)} dB`).toBeLessThanOrEqual(0.1);
      const other = strongestOtherDb(out, to, frequency, AMPLITUDE, start, SIZE, 20);
      expect(other.db, `${frequency} Hz: strongest other component ${other.db.toFixed(1)} dB at ${other.atHz.toFixed(0)} Hz`).toBeLessThanOrEqual(-100);
    }
  });

  it('48 → 44.1 kHz: tones above the new Nyquist vanish instead of aliasing (≤ −100 dB)', () => {
    for (const frequency of [22100, 22500, 23000, 23900]) {
      const { out, start } = through(48000, 44100, frequency);
      const other = strongestOtherDb(out, 44100, -1e9, AMPLITUDE, start, SIZE, 0);
      expect(other.db, `${frequency} Hz aliases at ${other.atHz.toFixed(0)} Hz`).toBeLessThanOrEqual(-100);
    }
  });

  it('keeps time: an impulse lands where its time says, and the length scales exactly', () => {
    const input = new Float32Array(44100);
    input[22050] = 1;
    const resampler = new Resampler(44100, 48000);
    const [out] = resampler.process([input]);
    expect(out!.length).toBe(48000);
    let peakAt = 0;
    for (let n = 0; n < out!.length; n++) if (Math.abs(out![n]!) > Math.abs(out![peakAt]!)) peakAt = n;
    expect(peakAt).toBe(24000);
  });

  it('is deterministic and refuses rates it cannot design for', () => {
    const input = tone(1000, 44100, 0.2);
    const a = new Resampler(44100, 48000).process([input])[0]!;
    const b = new Resampler(44100, 48000).process([input])[0]!;
    expect(Buffer.from(a.buffer).equals(Buffer.from(b.buffer))).toBe(true);
    expect(() => new Resampler(44100, 0)).toThrow(/cannot resample/);
    expect(() => new Resampler(44100.5, 48000)).toThrow(/cannot resample/);
  });
});

describe('Resampler.processSpan', () => {
  it('a signal resampled piece by piece, each piece from its own input window, equals the whole signal resampled (bit for bit)', () => {
    const input = new Float32Array(30_000);
    for (let i = 0; i < input.length; i++) input[i] = Math.sin(i * 0.031) * 0.5 + Math.sin(i * 0.77) * 0.2;
    for (const [from, to] of [
      [44100, 48000],
      [48000, 44100],
      [96000, 44100],
    ] as const) {
      const resampler = new Resampler(from, to);
      const whole = resampler.process([input])[0]!;
      const pieces = new Float32Array(whole.length);
      for (let a = 0; a < whole.length; a += 1234) {
        const b = Math.min(whole.length, a + 1234);
        const span = resampler.inputSpan(a, b);
        const window = new Float32Array(span.to - span.from);
        for (let i = span.from; i < span.to; i++) window[i - span.from] = input[i] ?? 0;
        pieces.set(resampler.processSpan(window, span.from, a, b), a);
      }
      expect(Buffer.from(pieces.buffer).equals(Buffer.from(whole.buffer))).toBe(true);
    }
  });
});
