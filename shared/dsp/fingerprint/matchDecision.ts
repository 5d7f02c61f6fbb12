import { BLOCK_FRAMES, FRAME_SECONDS } from './fingerprintParams';

/**
 * When offset-consistent landmarks mean "this is that audio". Calibrated on
 * the `fingerprint` benchmark (transformed catalog stems vs genuine takes,
 * other songs from the same soundfont, noise and tones); see docs/fingerprint.md.
 *
 * - minVotes: landmarks agreeing on one offset (± 1 frame).
 * - coveredSec: seconds (blocks of ~1 s) of the query that each hold at
 *   least `minBlockVotes` of them, so the evidence spans a stretch of time,
 *   not one repeated instrument hit.
 * - hitRatio: share of the query's landmarks in the covered stretch that agree.
 *
 * Two ways to pass: *sustained* evidence (≥ 8 s covered, ≥ 2 % agreeing — a
 * stem under a voice or other stems keeps a few percent, for as long as it
 * plays) or *strong* evidence over a short stretch (≥ 4 s, ≥ 15 % — a 5-second
 * excerpt alone agrees 30–75 %). What fails both is what songs rendered from
 * one soundfont share by chance: the same sampled chord or drum hit lining
 * up for a few seconds, at a few percent.
 */
export interface MatchThresholds {
  readonly minVotes: number;
  readonly minBlockVotes: number;
  readonly minCoveredSec: number;
  readonly minHitRatio: number;
  readonly minStrongCoveredSec: number;
  readonly minStrongHitRatio: number;
}

export const MATCH_THRESHOLDS: MatchThresholds = {
  minVotes: 40,
  minBlockVotes: 2,
  minCoveredSec: 8,
  minHitRatio: 0.02,
  minStrongCoveredSec: 4,
  minStrongHitRatio: 0.15,
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
  return matchMargin(evidence, thresholds) >= 1;
}

/** How many times over the line the evidence is: the weakest requirement of the better of the two ways to pass. */
function matchMargin(e: MatchEvidence, t: MatchThresholds): number {
  const sustained = Math.min(e.coveredSec / t.minCoveredSec, e.hitRatio / t.minHitRatio);
  const strong = Math.min(e.coveredSec / t.minStrongCoveredSec, e.hitRatio / t.minStrongHitRatio);
  return Math.min(e.votes / t.minVotes, Math.max(sustained, strong));
}

/**
 * 0…1: how far past the decision line the evidence is. 0.5 at the
 * thresholds themselves, → 1 as coverage and votes grow to 4× them.
 */
export function matchConfidence(evidence: MatchEvidence, thresholds: MatchThresholds = MATCH_THRESHOLDS): number {
  const margin = matchMargin(evidence, thresholds);
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
