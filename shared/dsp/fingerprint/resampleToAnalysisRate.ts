import { ANALYSIS_RATE, PASSBAND_HZ, STOPBAND_HZ } from './fingerprintParams';

/** Sub-sample positions the filter is tabulated at; the nearest one is used (timing error ≤ 1/512 of an input sample). */
const PHASES = 256;
/** Kaiser β for ≈ 50 dB stopband attenuation. */
const KAISER_BETA = 4.55;
const STOPBAND_DB = 50;

/** Zeroth-order modified Bessel function of the first kind (series), for the Kaiser window. */
function besselI0(x: number): number {
  let sum = 1;
  let term = 1;
  for (let k = 1; k < 50; k++) {
    term *= (x / (2 * k)) ** 2;
    sum += term;
    if (term < sum * 1e-12) break;
  }
  return sum;
}

interface Kernel {
  readonly half: number;
  readonly taps: number;
  /** PHASES + 1 rows of `taps` coefficients, each row summing to 1. */
  readonly table: Float32Array;
}

const kernels = new Map<string, Kernel>();

/**
 * A Kaiser-windowed sinc low-pass at `sampleRate`, flat to `passHz` and
 * ≥ 50 dB down from `stopHz`, tabulated at PHASES sub-sample positions
 * (one phase suffices for integer decimation).
 */
function kernelFor(sampleRate: number, passHz: number, stopHz: number, phases: number): Kernel {
  const key = `${sampleRate}/${passHz}/${stopHz}/${phases}`;
  const cached = kernels.get(key);
  if (cached) return cached;
  const cutoff = (passHz + stopHz) / 2 / sampleRate;
  const transition = (2 * Math.PI * (stopHz - passHz)) / sampleRate;
  const half = Math.ceil((STOPBAND_DB - 8) / (2.285 * transition) / 2) + 1;
  const taps = 2 * half;
  const table = new Float32Array((phases + 1) * taps);
  const norm = besselI0(KAISER_BETA);
  for (let p = 0; p <= phases; p++) {
    const frac = phases ? p / phases : 0;
    let sum = 0;
    for (let k = 0; k < taps; k++) {
      // Tap k weighs input sample i + k − half + 1 for an output at position i + frac.
      const d = k - half + 1 - frac;
      const x = 2 * cutoff * d;
      const sinc = d === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
      const r = d / half;
      const w = Math.abs(r) >= 1 ? 0 : besselI0(KAISER_BETA * Math.sqrt(1 - r * r)) / norm;
      const h = sinc * w;
      table[p * taps + k] = h;
      sum += h;
    }
    for (let k = 0; k < taps; k++) table[p * taps + k]! /= sum;
  }
  const kernel = { half, taps, table };
  kernels.set(key, kernel);
  return kernel;
}

/** Σ taps × input around position i + p/PHASES, zero outside the signal. */
function filterAt(input: Float32Array, i: number, row: number, kernel: Kernel): number {
  const { half, taps, table } = kernel;
  const first = i - half + 1;
  let y = 0;
  if (first >= 0 && first + taps <= input.length) {
    for (let k = 0; k < taps; k++) y += table[row + k]! * input[first + k]!;
  } else {
    for (let k = 0; k < taps; k++) {
      const j = first + k;
      if (j >= 0 && j < input.length) y += table[row + k]! * input[j]!;
    }
  }
  return y;
}

/**
 * Mixes the channels to mono and resamples to ANALYSIS_RATE (8 kHz) with an
 * anti-alias filter, so a 44.1 kHz and a 48 kHz copy of the same audio give
 * the same analysis signal up to the filter's tolerance. Two stages keep it
 * cheap: an integer decimation to 11–16 kHz whose filter only has to keep
 * aliases out of the final 0–3.4 kHz band, then a fractional step to 8 kHz
 * whose filter is flat to 3.4 kHz and ≥ 50 dB down from 4.6 kHz.
 *
 * @example
 * const mono8k = resampleToAnalysisRate([left, right], 44100); // length ≈ left.length × 8000 / 44100
 */
export function resampleToAnalysisRate(channels: readonly Float32Array[], sampleRate: number): Float32Array {
  if (!(sampleRate >= 1000 && sampleRate <= 768_000)) throw new RangeError(`implausible sample rate ${sampleRate}`);
  const length = channels.reduce((n, c) => Math.min(n, c.length), channels[0]?.length ?? 0);
  let signal = new Float32Array(length);
  const scale = 1 / Math.max(1, channels.length);
  for (const channel of channels) for (let i = 0; i < length; i++) signal[i]! += channel[i]! * scale;
  // A float file may hold NaN or ±Infinity; as samples they mean nothing, so they count as silence.
  for (let i = 0; i < length; i++) if (!Number.isFinite(signal[i]!)) signal[i] = 0;
  let rate = sampleRate;

  const decimation = Math.floor(sampleRate / 11025);
  if (decimation >= 2) {
    rate = sampleRate / decimation;
    const kernel = kernelFor(sampleRate, PASSBAND_HZ, rate - PASSBAND_HZ, 0);
    const out = new Float32Array(Math.floor(length / decimation));
    for (let n = 0; n < out.length; n++) out[n] = filterAt(signal, n * decimation, 0, kernel);
    signal = out;
  }
  if (rate === ANALYSIS_RATE) return signal;

  const kernel = kernelFor(rate, Math.min(PASSBAND_HZ, rate * 0.4), Math.min(STOPBAND_HZ, rate / 2), PHASES);
  const step = rate / ANALYSIS_RATE;
  const out = new Float32Array(Math.floor((signal.length * ANALYSIS_RATE) / rate));
  for (let n = 0; n < out.length; n++) {
    const position = n * step;
    let i = Math.floor(position);
    let p = Math.round((position - i) * PHASES);
    if (p === PHASES) {
      i += 1;
      p = 0;
    }
    out[n] = filterAt(signal, i, p * kernel.taps, kernel);
  }
  return out;
}
