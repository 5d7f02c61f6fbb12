/**
 * An in-place iterative radix-2 complex FFT of one fixed power-of-two size,
 * with its bit-reversal permutation and twiddle factors computed once.
 * Forward transform, no scaling: X[k] = Σ x[n]·e^(−2πikn/N).
 *
 * The fingerprint needs magnitudes of 1024-point real frames only, so a
 * plain complex FFT (imaginary part zero) is enough: at 31 frames per
 * second of audio it costs a few milliseconds per minute.
 *
 * @example
 * const fft = new Fft(8);
 * const re = Float64Array.from([1, 0, 0, 0, 0, 0, 0, 0]);
 * const im = new Float64Array(8);
 * fft.transform(re, im); // re is all ones, im all zeros (the impulse's flat spectrum)
 */
export class Fft {
  readonly size: number;
  private readonly reversed: Uint32Array;
  private readonly cos: Float64Array;
  private readonly sin: Float64Array;
  /** e^(−iπk/size): the twiddles of the real-signal split (a 2·size-point transform). */
  private readonly splitCos: Float64Array;
  private readonly splitSin: Float64Array;

  constructor(size: number) {
    if (!Number.isInteger(size) || size < 2 || (size & (size - 1)) !== 0) throw new RangeError(`FFT size must be a power of two ≥ 2, not ${size}`);
    this.size = size;
    const bits = Math.log2(size);
    this.reversed = new Uint32Array(size);
    for (let i = 0; i < size; i++) {
      let r = 0;
      for (let b = 0; b < bits; b++) r |= ((i >> b) & 1) << (bits - 1 - b);
      this.reversed[i] = r;
    }
    this.cos = new Float64Array(size);
    this.sin = new Float64Array(size);
    for (let half = 1; half < size; half <<= 1) {
      for (let k = 0; k < half; k++) {
        this.cos[half - 1 + k] = Math.cos((Math.PI * k) / half);
        this.sin[half - 1 + k] = -Math.sin((Math.PI * k) / half);
      }
    }
    this.splitCos = Float64Array.from({ length: size }, (_, k) => Math.cos((Math.PI * k) / size));
    this.splitSin = Float64Array.from({ length: size }, (_, k) => -Math.sin((Math.PI * k) / size));
  }

  /**
   * |X[k]|² for k = 0…bins−1 of a real signal of 2·size samples, through one
   * complex FFT of `size` points (even samples as real parts, odd as
   * imaginary, then the standard split), half the work of a full transform.
   * `re` and `im` are scratch arrays of `size` elements.
   */
  realPower(signal: Float64Array, bins: number, out: Float64Array, re: Float64Array, im: Float64Array): void {
    const n = this.size;
    if (signal.length !== 2 * n || bins > n || out.length < bins)
      throw new RangeError(`real FFT of ${2 * n} points given ${signal.length} samples for ${bins} bins`);
    for (let i = 0; i < n; i++) {
      re[i] = signal[2 * i]!;
      im[i] = signal[2 * i + 1]!;
    }
    this.transform(re, im);
    for (let k = 0; k < bins; k++) {
      const j = k === 0 ? 0 : n - k;
      // Even part E = (Z[k] + conj Z[n−k]) / 2, odd part O = (Z[k] − conj Z[n−k]) / 2i, X[k] = E + W^k · O.
      const er = (re[k]! + re[j]!) / 2;
      const ei = (im[k]! - im[j]!) / 2;
      const or = (im[k]! + im[j]!) / 2;
      const oi = -(re[k]! - re[j]!) / 2;
      const wr = this.splitCos[k]!;
      const wi = this.splitSin[k]!;
      const xr = er + wr * or - wi * oi;
      const xi = ei + wr * oi + wi * or;
      out[k] = xr * xr + xi * xi;
    }
  }

  /** Transforms (re, im) in place; both must have `size` elements. */
  transform(re: Float64Array, im: Float64Array): void {
    const n = this.size;
    if (re.length !== n || im.length !== n) throw new RangeError(`FFT of size ${n} given ${re.length}/${im.length} values`);
    const rev = this.reversed;
    for (let i = 0; i < n; i++) {
      const j = rev[i]!;
      if (j > i) {
        const tr = re[i]!;
        re[i] = re[j]!;
        re[j] = tr;
        const ti = im[i]!;
        im[i] = im[j]!;
        im[j] = ti;
      }
    }
    // Stage with butterflies `half` apart: twiddle k is e^(−iπk/half), stored contiguously per stage (offset half − 1).
    const cos = this.cos;
    const sin = this.sin;
    for (let half = 1; half < n; half <<= 1) {
      const span = 2 * half;
      for (let k = 0; k < half; k++) {
        const wr = cos[half - 1 + k]!;
        const wi = sin[half - 1 + k]!;
        for (let a = k; a < n; a += span) {
          const b = a + half;
          const xr = re[b]! * wr - im[b]! * wi;
          const xi = re[b]! * wi + im[b]! * wr;
          re[b] = re[a]! - xr;
          im[b] = im[a]! - xi;
          re[a] = re[a]! + xr;
          im[a] = im[a]! + xi;
        }
      }
    }
  }
}
