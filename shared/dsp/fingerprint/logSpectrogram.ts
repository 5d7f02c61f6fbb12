import { Fft } from './Fft';
import { FRAME_SIZE, HOP_SIZE, MAX_BIN } from './fingerprintParams';

/** A magnitude spectrogram in dB re a full-scale sine, bins 0…MAX_BIN of each frame, frame-major. */
export interface Spectrogram {
  readonly frames: number;
  /** Values per frame (MAX_BIN + 1). */
  readonly bins: number;
  readonly db: Float32Array;
}

const window = Float64Array.from({ length: FRAME_SIZE }, (_, n) => 0.5 - 0.5 * Math.cos((2 * Math.PI * n) / FRAME_SIZE));
/** |X|² of a Hann-windowed full-scale sine is (N/4)²: that is 0 dB. */
const FULL_SCALE_POWER = (FRAME_SIZE / 4) ** 2;
const DB_PER_LN = 10 / Math.LN10;
const fft = new Fft(FRAME_SIZE / 2);

/** Whole frames in a signal of `length` samples. */
export const frameCountOf = (length: number): number => (length < FRAME_SIZE ? 0 : Math.floor((length - FRAME_SIZE) / HOP_SIZE) + 1);

/**
 * Short-time magnitude spectrum of a mono signal at ANALYSIS_RATE: Hann
 * frames of FRAME_SIZE every HOP_SIZE samples, in dB, only the bins the
 * peak picker reads, for frames firstFrame … firstFrame + frameCount − 1
 * (all by default). Digital silence reads −200 dB.
 *
 * @example
 * const spec = logSpectrogram(resampleToAnalysisRate(channels, 44100));
 * spec.db[frame * spec.bins + bin]; // level of one cell in dB
 */
export function logSpectrogram(signal: Float32Array, firstFrame = 0, frameCount = frameCountOf(signal.length) - firstFrame): Spectrogram {
  const frames = Math.max(0, Math.min(frameCount, frameCountOf(signal.length) - firstFrame));
  const bins = MAX_BIN + 1;
  const db = new Float32Array(frames * bins);
  const frame = new Float64Array(FRAME_SIZE);
  const power = new Float64Array(bins);
  const re = new Float64Array(FRAME_SIZE / 2);
  const im = new Float64Array(FRAME_SIZE / 2);
  for (let f = 0; f < frames; f++) {
    const start = (firstFrame + f) * HOP_SIZE;
    for (let n = 0; n < FRAME_SIZE; n++) frame[n] = signal[start + n]! * window[n]!;
    fft.realPower(frame, bins, power, re, im);
    const row = f * bins;
    for (let k = 0; k < bins; k++) {
      const p = power[k]! / FULL_SCALE_POWER;
      db[row + k] = p > 1e-20 ? DB_PER_LN * Math.log(p) : -200;
    }
  }
  return { frames, bins, db };
}
