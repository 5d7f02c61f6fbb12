import { FAN_OUT, MAX_DF, MAX_DT } from './fingerprintParams';
import { peakBin, peakFrame } from './pickPeaks';

/** Bits of a landmark hash: anchor bin (9) · bin difference + 128 (8) · frame difference (6). */
export const HASH_BITS = 23;

/** Packs one landmark (anchor bin f1, target bin f1 + df, dt frames later) into a 23-bit number. */
export function packHash(f1: number, df: number, dt: number): number {
  if (f1 < 0 || f1 > 511 || df < -MAX_DF || df > MAX_DF || dt < 1 || dt > MAX_DT) throw new RangeError(`landmark out of range (f1 ${f1}, df ${df}, dt ${dt})`);
  return (f1 << 14) | ((df + 128) << 6) | dt;
}

/** The inverse of packHash. */
export function unpackHash(hash: number): { f1: number; df: number; dt: number } {
  return { f1: hash >>> 14, df: ((hash >>> 6) & 0xff) - 128, dt: hash & 0x3f };
}

/** Landmarks of one fingerprint: hash i was anchored at frame times[i]. */
export interface Landmarks {
  readonly hashes: Uint32Array;
  readonly times: Uint32Array;
}

/**
 * Pairs each peak (the anchor) with the first FAN_OUT peaks of its target
 * zone — 1…MAX_DT frames later, within ±MAX_DF bins — as Wang (2003)
 * describes: a pair's frequencies and time difference survive gain, codecs
 * and resampling, and its anchor time gives the offset a match must agree on.
 *
 * @example
 * const { hashes, times } = landmarkHashes(pickPeaks(spec)); // ≈ FAN_OUT landmarks per peak
 */
export function landmarkHashes(peaks: Uint32Array): Landmarks {
  const hashes = new Uint32Array(peaks.length * FAN_OUT);
  const times = new Uint32Array(peaks.length * FAN_OUT);
  let n = 0;
  for (let i = 0; i < peaks.length; i++) {
    const t1 = peakFrame(peaks[i]!);
    const f1 = peakBin(peaks[i]!);
    let paired = 0;
    for (let j = i + 1; j < peaks.length && paired < FAN_OUT; j++) {
      const dt = peakFrame(peaks[j]!) - t1;
      if (dt < 1) continue;
      if (dt > MAX_DT) break;
      const df = peakBin(peaks[j]!) - f1;
      if (df < -MAX_DF || df > MAX_DF) continue;
      hashes[n] = (f1 << 14) | ((df + 128) << 6) | dt;
      times[n] = t1;
      n++;
      paired++;
    }
  }
  return { hashes: hashes.slice(0, n), times: times.slice(0, n) };
}
