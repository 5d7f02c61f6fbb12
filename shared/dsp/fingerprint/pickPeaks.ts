import type { Spectrogram } from './logSpectrogram';
import {
  ABSOLUTE_FLOOR_DB,
  ANALYSIS_RATE,
  BAND_EDGES_HZ,
  BLOCK_FRAMES,
  FRAME_SIZE,
  MAX_BIN,
  MIN_BIN,
  PEAKS_PER_BAND,
  PEAK_NEIGHBOUR_BINS,
  PEAK_NEIGHBOUR_FRAMES,
  RELATIVE_FLOOR_DB,
} from './fingerprintParams';

/** Bits of a packed peak that hold the bin; the frame sits above them. */
export const PEAK_BIN_BITS = 9;
const BIN_MASK = (1 << PEAK_BIN_BITS) - 1;
/** The largest frame a packed peak can hold (2^23 frames of 32 ms ≈ 74 hours). */
export const MAX_PEAK_FRAME = 2 ** (32 - PEAK_BIN_BITS) - 1;

/** Packs a peak as (frame << 9) | bin, so sorting the numbers sorts by time, then frequency. */
export const packPeak = (frame: number, bin: number): number => (frame * (BIN_MASK + 1) + bin) >>> 0;
export const peakFrame = (peak: number): number => Math.floor(peak / (BIN_MASK + 1));
export const peakBin = (peak: number): number => peak & BIN_MASK;

const bandOfBin = new Uint8Array(MAX_BIN + 1);
for (let k = 0; k <= MAX_BIN; k++) {
  const hz = (k * ANALYSIS_RATE) / FRAME_SIZE;
  let band = 0;
  while (band + 2 < BAND_EDGES_HZ.length && hz >= BAND_EDGES_HZ[band + 1]!) band++;
  bandOfBin[k] = band;
}
const BANDS = BAND_EDGES_HZ.length - 1;

/** Sliding maximum of `src` over ±radius. */
function slidingMax(src: Float32Array, radius: number): Float32Array {
  const dst = new Float32Array(src.length);
  for (let i = 0; i < src.length; i++) {
    let m = -Infinity;
    for (let j = Math.max(0, i - radius); j <= Math.min(src.length - 1, i + radius); j++) if (src[j]! > m) m = src[j]!;
    dst[i] = m;
  }
  return dst;
}

/** Whether no cell within ±PEAK_NEIGHBOUR_FRAMES × ±PEAK_NEIGHBOUR_BINS of (t, k) is louder than v. */
function isLocalMax(db: Float32Array, frames: number, bins: number, t: number, k: number, v: number): boolean {
  const t0 = Math.max(0, t - PEAK_NEIGHBOUR_FRAMES);
  const t1 = Math.min(frames - 1, t + PEAK_NEIGHBOUR_FRAMES);
  const k0 = Math.max(0, k - PEAK_NEIGHBOUR_BINS);
  const k1 = Math.min(bins - 1, k + PEAK_NEIGHBOUR_BINS);
  for (let u = t0; u <= t1; u++) {
    const row = u * bins;
    for (let j = k0; j <= k1; j++) if (db[row + j]! > v) return false;
  }
  return true;
}

/**
 * The constellation: time–frequency cells that are the loudest within
 * ±PEAK_NEIGHBOUR_BINS × ±PEAK_NEIGHBOUR_FRAMES, above the absolute floor,
 * not more than RELATIVE_FLOOR_DB below the loudest peak within half a
 * block, and among the PEAKS_PER_BAND strongest of their frequency band
 * within ±BLOCK_FRAMES/2 frames. Every rule is a sliding window, so a copy
 * shifted in time keeps the same peaks; the per-band quota keeps a stem's
 * own peaks alive when it is mixed under louder audio in other bands.
 * Returns packed peaks (see packPeak), sorted by frame then bin.
 *
 * @example
 * const peaks = pickPeaks(logSpectrogram(signal)); // ≈ 20–30 peaks per second of music
 */
export function pickPeaks(spec: Spectrogram): Uint32Array {
  const { frames, bins, db } = spec;
  if (frames === 0) return new Uint32Array(0);
  const candFrame: number[] = [];
  const candBin: number[] = [];
  const candDb: number[] = [];
  const frameMax = new Float32Array(frames).fill(-Infinity);
  for (let t = 0; t < frames; t++) {
    const row = t * bins;
    for (let k = MIN_BIN; k <= MAX_BIN; k++) {
      const v = db[row + k]!;
      // Most cells lose to an adjacent one: that cheap test first, the whole neighbourhood after.
      if (v < ABSOLUTE_FLOOR_DB || db[row + k - 1]! > v || (k + 1 < bins && db[row + k + 1]! > v)) continue;
      if (isLocalMax(db, frames, bins, t, k, v)) {
        candFrame.push(t);
        candBin.push(k);
        candDb.push(v);
        if (v > frameMax[t]!) frameMax[t] = v;
      }
    }
  }
  const halfBlock = BLOCK_FRAMES >> 1;
  const nearMax = slidingMax(frameMax, halfBlock);

  // Per band, candidates in time order; a candidate survives when fewer than PEAKS_PER_BAND stronger ones lie within ±halfBlock.
  const byBand: number[][] = Array.from({ length: BANDS }, () => []);
  for (let c = 0; c < candFrame.length; c++) byBand[bandOfBin[candBin[c]!]!]!.push(c);
  const kept: number[] = [];
  for (const list of byBand) {
    let lo = 0;
    for (let i = 0; i < list.length; i++) {
      const c = list[i]!;
      const t = candFrame[c]!;
      const v = candDb[c]!;
      if (v < nearMax[t]! - RELATIVE_FLOOR_DB) continue;
      while (candFrame[list[lo]!]! < t - halfBlock) lo++;
      let stronger = 0;
      for (let j = lo; j < list.length && stronger < PEAKS_PER_BAND; j++) {
        const o = list[j]!;
        if (candFrame[o]! > t + halfBlock) break;
        // Ties go to the earlier (then lower) cell, so equal levels never all survive or all vanish.
        if (candDb[o]! > v || (candDb[o] === v && o < c)) stronger++;
      }
      if (stronger < PEAKS_PER_BAND) kept.push(packPeak(t, candBin[c]!));
    }
  }
  const peaks = Uint32Array.from(kept);
  peaks.sort();
  return peaks;
}
