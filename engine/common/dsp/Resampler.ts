import { kaiser, kaiserBeta } from './kaiser';

/** How a Resampler was designed: what the attribution record names. */
export interface ResamplerDesign {
  readonly method: string;
  readonly fromRate: number;
  readonly toRate: number;
  /** Up/down factors of the rational ratio toRate / fromRate. */
  readonly up: number;
  readonly down: number;
  /** Input samples each output sample weighs. */
  readonly tapsPerPhase: number;
  readonly passbandHz: number;
  readonly stopbandHz: number;
  readonly stopbandDb: number;
}

/** The name attribution records give this resampler (its design follows in the record). */
export const RESAMPLER_METHOD = 'stemroom-polyphase-kaiser-sinc/1';

/** Stopband target: 20 dB of margin over the −100 dB the exports promise. */
const STOPBAND_DB = 120;
/** Rational ratios beyond this many phases would need a multi-megabyte table; no audio rate pair in use comes near. */
const MAX_PHASES = 16_384;

/**
 * A band-limited rational resampler of mastering quality: a windowed-sinc
 * (Kaiser) low-pass at the common rate, applied polyphase so only the taps
 * that meet real input samples are computed. The pass band reaches 20 kHz
 * (or 91 % of the lower Nyquist, for rates below 44 kHz); everything above the lower
 * Nyquist is attenuated by ≥ 120 dB, so images (upsampling) and aliases
 * (downsampling) stay below −100 dB. Deterministic: the same input gives
 * the same output on every run and every machine with IEEE doubles.
 *
 * Output sample n is the band-limited input at time n / toRate: no delay,
 * and `ceil(frames · toRate / fromRate)` frames out.
 *
 * @example
 * const resampler = new Resampler(44100, 48000);
 * const at48k = resampler.process(channelsAt44k);
 * resampler.design.tapsPerPhase; // ≈ 160
 */
export class Resampler {
  readonly design: ResamplerDesign;
  /** Per phase, `tapsPerPhase` coefficients, for input samples from oldest to newest. */
  private readonly table: Float64Array;
  /** How many input samples after the aligned one the newest tap reads. */
  private readonly lookahead: number;

  constructor(fromRate: number, toRate: number) {
    if (!Number.isInteger(fromRate) || !Number.isInteger(toRate) || fromRate < 1000 || toRate < 1000 || fromRate > 768_000 || toRate > 768_000) {
      throw new RangeError(`cannot resample ${fromRate} Hz to ${toRate} Hz (whole rates from 1 kHz to 768 kHz)`);
    }
    const g = gcd(fromRate, toRate);
    const up = toRate / g;
    const down = fromRate / g;
    if (up > MAX_PHASES) throw new RangeError(`cannot resample ${fromRate} Hz to ${toRate} Hz (ratio ${up}/${down} needs too many phases)`);
    const stopbandHz = Math.min(fromRate, toRate) / 2;
    const passbandHz = Math.min(20_000, stopbandHz * 0.91);
    // The prototype low-pass runs at fromRate · up; cut-off midway through the transition band.
    const highRate = fromRate * up;
    const cutoff = (passbandHz + stopbandHz) / 2 / highRate; // cycles per high-rate sample
    const transition = (2 * Math.PI * (stopbandHz - passbandHz)) / highRate; // radians per high-rate sample
    const halfLength = Math.ceil((STOPBAND_DB - 7.95) / (2.285 * transition) / 2);
    const beta = kaiserBeta(STOPBAND_DB);
    const reach = Math.ceil(halfLength / up); // input samples on each side of the aligned one
    const tapsPerPhase = 2 * reach + 1;
    const table = new Float64Array(up * tapsPerPhase);
    for (let phase = 0; phase < up; phase++) {
      // Output at high-rate position n·down = j0·up + phase; input j weighs h(phase + (j0 − j)·up).
      // Tap q reads input j0 − reach + q, i.e. k = j0 − j = reach − q.
      let sum = 0;
      for (let q = 0; q < tapsPerPhase; q++) {
        const m = phase + (reach - q) * up;
        const value = Math.abs(m) > halfLength ? 0 : sinc(2 * cutoff * m) * kaiser(m / halfLength, beta);
        table[phase * tapsPerPhase + q] = value;
        sum += value;
      }
      // Each phase passes DC at exactly unity (its taps sum to 1).
      for (let q = 0; q < tapsPerPhase; q++) table[phase * tapsPerPhase + q]! /= sum;
    }
    this.table = table;
    this.lookahead = reach;
    this.design = { method: RESAMPLER_METHOD, fromRate, toRate, up, down, tapsPerPhase, passbandHz, stopbandHz, stopbandDb: STOPBAND_DB };
  }

  /** Frames out for `frames` in. */
  outputFrames(frames: number): number {
    return Math.ceil((frames * this.design.up) / this.design.down);
  }

  /** Resamples each channel (no state between calls: each call is a whole signal, silent before and after). */
  process(channels: readonly Float32Array[]): Float32Array[] {
    return channels.map((channel) => {
      // Zero-padded copy so the inner loop never tests bounds.
      const padded = new Float32Array(channel.length + 2 * this.lookahead + 1);
      padded.set(channel, this.lookahead);
      return this.processSpan(padded, -this.lookahead, 0, this.outputFrames(channel.length));
    });
  }

  /** The input frames [from, to) output frames [outFrom, outTo) weigh (a streaming reader fetches these). */
  inputSpan(outFrom: number, outTo: number): { from: number; to: number } {
    const { up, down } = this.design;
    return { from: Math.floor((outFrom * down) / up) - this.lookahead, to: Math.floor(((outTo - 1) * down) / up) + this.lookahead + 1 };
  }

  /**
   * Output frames [outFrom, outTo) of the resampled signal, from `window`:
   * input frames from `windowFrom` on, covering `inputSpan(outFrom, outTo)`
   * (zeros where the signal has none). The same arithmetic as `process`, so
   * a stream resampled piece by piece equals the whole signal resampled.
   */
  processSpan(window: Float32Array, windowFrom: number, outFrom: number, outTo: number): Float32Array {
    const { up, down, tapsPerPhase } = this.design;
    const { table, lookahead } = this;
    const out = new Float32Array(Math.max(0, outTo - outFrom));
    const whole = tapsPerPhase - (tapsPerPhase % 4);
    let j0 = Math.floor((outFrom * down) / up);
    let phase = outFrom * down - j0 * up;
    for (let n = 0; n < out.length; n++) {
      const base = phase * tapsPerPhase;
      // window[w + q] is input j0 − reach + q.
      const w = j0 - lookahead - windowFrom;
      // Four running sums (in a fixed order) keep the multiplier busy.
      let a0 = 0;
      let a1 = 0;
      let a2 = 0;
      let a3 = 0;
      let q = 0;
      for (; q < whole; q += 4) {
        a0 += table[base + q]! * window[w + q]!;
        a1 += table[base + q + 1]! * window[w + q + 1]!;
        a2 += table[base + q + 2]! * window[w + q + 2]!;
        a3 += table[base + q + 3]! * window[w + q + 3]!;
      }
      for (; q < tapsPerPhase; q++) a0 += table[base + q]! * window[w + q]!;
      out[n] = a0 + a1 + (a2 + a3);
      phase += down;
      while (phase >= up) {
        phase -= up;
        j0++;
      }
    }
    return out;
  }
}

function sinc(x: number): number {
  if (x === 0) return 1;
  const px = Math.PI * x;
  return Math.sin(px) / px;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}
