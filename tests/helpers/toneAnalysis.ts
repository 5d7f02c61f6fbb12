import { Fft } from '../../engine/common/dsp/Fft';
import { kaiser } from '../../engine/common/dsp/kaiser';

/** A sine of `frequency` Hz at `amplitude`, `seconds` long at `sampleRate`. */
export function tone(frequency: number, sampleRate: number, seconds: number, amplitude = 0.5): Float32Array {
  const out = new Float32Array(Math.round(seconds * sampleRate));
  for (let n = 0; n < out.length; n++) out[n] = amplitude * Math.sin((2 * Math.PI * frequency * n) / sampleRate);
  return out;
}

/** Kaiser β of the analysis window: side lobes near −190 dB, main lobe ±6.5 bins. */
const WINDOW_BETA = 20;

function analysisWindow(length: number): Float64Array {
  const w = new Float64Array(length);
  for (let n = 0; n < length; n++) w[n] = kaiser((2 * n) / (length - 1) - 1, WINDOW_BETA);
  return w;
}

/**
 * The amplitude of the component at exactly `frequency` in `signal[from, from + length)`:
 * a Kaiser-windowed single-frequency DFT (a Goertzel at an arbitrary frequency), scaled
 * so a pure tone of amplitude A reads A.
 */
export function toneAmplitude(signal: Float32Array, sampleRate: number, frequency: number, from: number, length: number): number {
  const w = analysisWindow(length);
  let re = 0;
  let im = 0;
  let sum = 0;
  for (let n = 0; n < length; n++) {
    const phase = (2 * Math.PI * frequency * n) / sampleRate;
    const x = signal[from + n]! * w[n]!;
    re += x * Math.cos(phase);
    im -= x * Math.sin(phase);
    sum += w[n]!;
  }
  return (2 * Math.hypot(re, im)) / sum;
}

/**
 * The strongest component of `signal[from, from + size)` (size a power of two)
 * within `bandHz` and outside ±`guardHz` of `excludeHz`, in dB relative to
 * `reference` amplitude: where images and aliases show.
 */
export function strongestOtherDb(
  signal: Float32Array,
  sampleRate: number,
  excludeHz: number,
  reference: number,
  from: number,
  size: number,
  guardHz: number,
  bandHz: readonly [number, number] = [0, Infinity],
): { db: number; atHz: number } {
  const w = analysisWindow(size);
  const re = new Float64Array(size);
  const im = new Float64Array(size);
  let sum = 0;
  for (let n = 0; n < size; n++) {
    re[n] = signal[from + n]! * w[n]!;
    sum += w[n]!;
  }
  new Fft(size).forward(re, im);
  let best = 0;
  let atHz = 0;
  for (let k = 1; k < size / 2; k++) {
    const hz = (k * sampleRate) / size;
    if (Math.abs(hz - excludeHz) <= guardHz || hz < bandHz[0] || hz > bandHz[1]) continue;
    const amplitude = (2 * Math.hypot(re[k]!, im[k]!)) / sum;
    if (amplitude > best) {
      best = amplitude;
      atHz = hz;
    }
  }
  return { db: 20 * Math.log10(best / reference), atHz };
}
