import { BLOCK_FRAMES, FRAME_SECONDS } from './fingerprintParams';

/**
 * When offset-consistent landmarks mean "this is that audio". Calibrated on
 * the `fingerprint` benchmark (transformed catalog stems vs genuine takes,
 * other songs from the same soundfont, noise and tones); see docs/fingerprint.md.
 *
 * - minVotes: landmarks agreeing on one offset (± 1 frame). Unrelated audio
 *   reaches a handful at most, by chance or from one shared drum sample.
 * - minCoveredSec: seconds (blocks of ~1 s) of the query that each hold at
 *   least `minBlockVotes` of them, so the evidence spans a stretch of time,
 *   not one repeated instrument hit.
 * - minHitRatio: share of the query's landmarks in the covered stretch that
 *   agree; a stem under other audio keeps a few percent, chance alignments far less.
 */
export interface MatchThresholds {
  readonly minVotes: number;
  readonly minBlockVotes: number;
  readonly minCoveredSec: number;
  readonly minHitRatio: number;
}

export const MATCH_THRESHOLDS: MatchThresholds = {
  minVotes: 24,
  minBlockVotes: 2,
  minCoveredSec: 4,
  minHitRatio: 0.02,
};

/** Seconds per evidence block. */
export const BLOCK_SECONDS = BLOCK_FRAMES * FRAME_SECONDS;

/** What one candidate (entry, offset) has going for it. */
export interface MatchEvidence {
  readonly votes: number;
  readonly coveredSec: number;
  readonly hitRatio: number;
}

/** True when the evidence passes every threshold. */
export function isMatch(evidence: MatchEvidence, thresholds: MatchThresholds = MATCH_THRESHOLDS): boolean {
  return evidence.votes >= thresholds.minVotes && evidence.coveredSec >= thresholds.minCoveredSec && evidence.hitRatio >= thresholds.minHitRatio;
}

/**
 * 0…1: how far past the decision line the evidence is. 0.5 at the
 * thresholds themselves, → 1 as coverage and votes grow to 4× them.
 */
export function matchConfidence(evidence: MatchEvidence, thresholds: MatchThresholds = MATCH_THRESHOLDS): number {
  const margin = Math.min(evidence.votes / thresholds.minVotes, evidence.coveredSec / thresholds.minCoveredSec, evidence.hitRatio / thresholds.minHitRatio);
  return Math.round(1000 * (margin <= 1 ? margin / 2 : 1 - 0.5 / margin ** 0.5)) / 1000;
}

/**
 * Evidence for a candidate from the query frames of its agreeing landmarks,
 * over the query's landmark density per block (`queryPerBlock`).
 */
export function measureEvidence(matchedFrames: readonly number[], queryPerBlock: Uint32Array, thresholds: MatchThresholds = MATCH_THRESHOLDS): MatchEvidence {
  const perBlock = new Uint32Array(queryPerBlock.length);
  for (const frame of matchedFrames) perBlock[Math.min(perBlock.length - 1, Math.floor(frame / BLOCK_FRAMES))]!++;
  let covered = 0;
  let first = -1;
  let last = -1;
  for (let b = 0; b < perBlock.length; b++) {
    if (perBlock[b]! < thresholds.minBlockVotes) continue;
    covered++;
    if (first < 0) first = b;
    last = b;
  }
  let inStretch = 0;
  let agreeing = 0;
  for (let b = first; b >= 0 && b <= last; b++) {
    inStretch += queryPerBlock[b]!;
    agreeing += perBlock[b]!;
  }
  return { votes: matchedFrames.length, coveredSec: covered * BLOCK_SECONDS, hitRatio: inStretch ? agreeing / inStretch : 0 };
}
