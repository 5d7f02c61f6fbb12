import { describe, expect, it } from 'vitest';
import { Fft } from './Fft';

/** The definition: X[k] = Σ x[n] e^(−2πikn/N). */
function dft(re: Float64Array, im: Float64Array): { re: Float64Array; im: Float64Array } {
  const n = re.length;
  const outRe = new Float64Array(n);
  const outIm = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    for (let t = 0; t < n; t++) {
      const a = (-2 * Math.PI * k * t) / n;
      outRe[k]! += re[t]! * Math.cos(a) - im[t]! * Math.sin(a);
      outIm[k]! += re[t]! * Math.sin(a) + im[t]! * Math.cos(a);
    }
  }
  return { re: outRe, im: outIm };
}

function noise(n: number, seed: number): Float64Array {
  let s = seed;
  return Float64Array.from({ length: n }, () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 31 - 1;
  });
}

describe('Fft', () => {
  it.each([2, 8, 64, 512])('agrees with the DFT for %i points', (n) => {
    const re = noise(n, n);
    const im = noise(n, n + 1);
    const expected = dft(re, im);
    new Fft(n).transform(re, im);
    for (let k = 0; k < n; k++) {
      expect(re[k]).toBeCloseTo(expected.re[k]!, 9);
      expect(im[k]).toBeCloseTo(expected.im[k]!, 9);
    }
  });

  it('gives the power spectrum of a real signal through a half-size transform', () => {
    const signal = noise(256, 7);
    const expected = dft(signal, new Float64Array(256));
    const out = new Float64Array(128);
    new Fft(128).realPower(signal, 128, out, new Float64Array(128), new Float64Array(128));
    for (let k = 0; k < 128; k++) expect(out[k]).toBeCloseTo(expected.re[k]! ** 2 + expected.im[k]! ** 2, 7);
  });

  it('puts a bin-centred sine in its bin', () => {
    const n = 64;
    const re = Float64Array.from({ length: n }, (_, t) => Math.cos((2 * Math.PI * 5 * t) / n));
    const im = new Float64Array(n);
    new Fft(n).transform(re, im);
    expect(re[5]).toBeCloseTo(n / 2, 9);
    expect(re[n - 5]).toBeCloseTo(n / 2, 9);
    expect(Math.abs(re[6]!)).toBeLessThan(1e-9);
  });

  it('refuses sizes that are not powers of two', () => {
    expect(() => new Fft(12)).toThrow(/power of two/);
    expect(() => new Fft(8).transform(new Float64Array(4), new Float64Array(4))).toThrow(/size 8/);
  });
});
