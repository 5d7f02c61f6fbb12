import { describe, expect, it } from 'vitest';
import { computeFingerprint, fingerprintSeconds } from './Fingerprint';

/** 40 s of tones changing every 0.3 s over a little noise, at 16 kHz (deterministic). */
function notes(seconds: number, rate: number): Float32Array {
  let seed = 3;
  const rand = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const out = new Float32Array(seconds * rate);
  let hz = 440;
  for (let i = 0; i < out.length; i++) {
    if (i % Math.round(0.3 * rate) === 0) hz = 110 * 2 ** (Math.floor(rand() * 36) / 12);
    out[i] = 0.3 * Math.sin((2 * Math.PI * hz * i) / rate) + 0.1 * Math.sin((2 * Math.PI * 3 * hz * i) / rate) + 0.01 * (rand() - 0.5);
  }
  return out;
}

describe('computeFingerprint', () => {
  it('gives exactly the same peaks analysed in chunks as in one piece', () => {
    const signal = notes(40, 16000);
    const whole = computeFingerprint([signal], 16000, 1e9);
    const chunked = computeFingerprint([signal], 16000, 97);
    expect(whole.peaks.length).toBeGreaterThan(400);
    expect(chunked).toEqual(whole);
  });

  it('keeps a density of tens of peaks per second and the length of the audio', () => {
    const fp = computeFingerprint([notes(40, 16000)], 16000);
    expect(fingerprintSeconds(fp)).toBeCloseTo(40, 0);
    const perSecond = fp.peaks.length / fingerprintSeconds(fp);
    expect(perSecond).toBeGreaterThan(10);
    expect(perSecond).toBeLessThan(60);
  });

  it('has no peaks for silence or for too little audio', () => {
    expect(computeFingerprint([new Float32Array(48000 * 5)], 48000).peaks.length).toBe(0);
    expect(computeFingerprint([new Float32Array(100)], 48000)).toMatchObject({ frames: 0 });
  });
});
