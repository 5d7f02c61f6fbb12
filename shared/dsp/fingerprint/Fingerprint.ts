import { FINGERPRINT_VERSION, FRAME_SECONDS } from './fingerprintParams';
import { frameCountOf, logSpectrogram } from './logSpectrogram';
import { MAX_PEAK_FRAME, packPeak, peakBin, peakFrame, pickPeaks } from './pickPeaks';
import { resampleToAnalysisRate } from './resampleToAnalysisRate';

/**
 * The landmark fingerprint of one piece of audio: its spectral peaks
 * (packed (frame << 9) | bin, sorted) and its length in analysis frames
 * (32 ms each). Landmark hashes are derived from the peaks when indexed or
 * matched, so what is stored is ~4 bytes per peak (≈ 7 kB per minute).
 */
export interface Fingerprint {
  readonly version: number;
  /** Length of the audio in analysis frames (FRAME_SECONDS each). */
  readonly frames: number;
  readonly peaks: Uint32Array;
}

/** Frames analysed at a time (~2 minutes; 7 MB of spectrogram). */
const CHUNK_FRAMES = 4096;
/** Frames of context each chunk reads on both sides: the peak neighbourhood (3) plus half a block (16), rounded up. */
const CHUNK_MARGIN = 24;

/** Seconds of audio a fingerprint covers. */
export const fingerprintSeconds = (fp: Fingerprint): number => fp.frames * FRAME_SECONDS;

/**
 * Fingerprints decoded audio at any sample rate and channel count: mono
 * mixdown, anti-aliased resampling to 8 kHz, 1024-point spectrogram every
 * 32 ms, constellation peaks. Pure computation, no I/O: runs in main, a
 * worker or the renderer. A 4-minute stereo 44.1 kHz stem takes a few
 * hundred milliseconds (see `npm run bench -- fingerprint`).
 *
 * Why landmarks and not Chromaprint: the question is whether a catalog stem
 * is *inside* a take — an excerpt, at an unknown offset, possibly under the
 * creator's own voice or the other stems. Landmark pairs are local, so each
 * surviving pair votes for one time offset and a match is a histogram peak;
 * Chromaprint's frame-level bit vectors describe the whole mixture and need
 * the audio aligned and alone to compare. (Measured side by side in the bench.)
 *
 * @example
 * const fp = computeFingerprint([left, right], 44100);
 * fp.peaks.length / fingerprintSeconds(fp); // ≈ 20–30 peaks per second of music
 */
export function computeFingerprint(channels: readonly Float32Array[], sampleRate: number, chunkFrames = CHUNK_FRAMES): Fingerprint {
  const signal = resampleToAnalysisRate(channels, sampleRate);
  const frames = frameCountOf(signal.length);
  if (frames > MAX_PEAK_FRAME) throw new RangeError(`audio too long to fingerprint (${Math.round((frames * FRAME_SECONDS) / 3600)} hours)`);
  // The spectrogram is computed a chunk at a time (memory stays flat for an hour-long take); every peak rule looks
  // at most CHUNK_MARGIN frames away, so each chunk, read with that margin, gives exactly the whole file's peaks.
  const parts: number[] = [];
  for (let start = 0; start < frames; start += chunkFrames) {
    const from = Math.max(0, start - CHUNK_MARGIN);
    const to = Math.min(frames, start + chunkFrames + CHUNK_MARGIN);
    for (const peak of pickPeaks(logSpectrogram(signal, from, to - from))) {
      const frame = from + peakFrame(peak);
      if (frame >= start && frame < start + chunkFrames) parts.push(packPeak(frame, peakBin(peak)));
    }
  }
  return { version: FINGERPRINT_VERSION, frames, peaks: Uint32Array.from(parts) };
}
