import type { Fingerprint } from './Fingerprint';
import { BLOCK_FRAMES, FINGERPRINT_VERSION, FRAME_SECONDS } from './fingerprintParams';
import { IndexSegment } from './IndexSegment';
import { landmarkHashes } from './landmarkHashes';
import { isMatch, MATCH_THRESHOLDS, matchConfidence, measureEvidence, type MatchThresholds } from './matchDecision';
import { bestOffsets, packVote } from './offsetHistogram';

/** One indexed audio found in a query. */
export interface FingerprintMatch {
  readonly id: string;
  /** Where the query's start lies in the indexed audio, in seconds (negative: the query starts before it, e.g. leading silence). */
  readonly offsetSec: number;
  /** Seconds of the query holding offset-consistent evidence. */
  readonly coveredSec: number;
  /** Landmarks agreeing on that offset. */
  readonly score: number;
  /** Share of the query's landmarks within the covered stretch that agree. */
  readonly hitRatio: number;
  /** 0…1; 0.5 is the decision line (only matches above it are returned by `match`). */
  readonly confidence: number;
}

export interface MatchOptions {
  /** Also return candidates below the decision line (for calibration and diagnostics). */
  readonly includeRejected?: boolean;
  readonly thresholds?: MatchThresholds;
}

interface Entry {
  readonly id: string;
  readonly fp: Fingerprint;
  alive: boolean;
}

/** Postings of one hash beyond this are not looked at: a landmark that common identifies nothing. */
const MAX_POSTINGS = 400;
/** Candidates measured in full per query (after the offset histogram). */
const MAX_CANDIDATES = 24;
/** A candidate needs this many votes before its evidence is measured. */
const PREFILTER_VOTES = 8;
/** Segments are merged into one when there are more than this many. */
const MAX_SEGMENTS = 4;

/**
 * An inverted index of landmark fingerprints with the offset-histogram
 * matcher. `add` and `remove` are cheap (new fingerprints are indexed in a
 * small segment when next matched; segments merge as they accumulate), so
 * the index is rebuilt at start from stored fingerprints with `add` in a
 * loop and kept up to date as stems are imported or removed.
 *
 * @example
 * const index = new FingerprintIndex();
 * for (const row of storedStems) index.add(row.stemId, decodeFingerprint(row.fingerprint));
 * const [best] = index.match(computeFingerprint(take.channels, take.sampleRate));
 * if (best) console.log(`${best.id} from ${best.offsetSec.toFixed(2)} s, ${best.coveredSec} s covered`);
 */
export class FingerprintIndex {
  private readonly entries: Entry[] = [];
  private readonly byId = new Map<string, number>();
  private segments: IndexSegment[] = [];
  private pending: number[] = [];
  private dead = 0;

  /** Indexes `fp` under `id`, replacing what `id` held before. */
  add(id: string, fp: Fingerprint): void {
    if (fp.version !== FINGERPRINT_VERSION) throw new RangeError(`fingerprint version ${fp.version} is not ${FINGERPRINT_VERSION}`);
    this.remove(id);
    this.byId.set(id, this.entries.length);
    this.pending.push(this.entries.length);
    this.entries.push({ id, fp, alive: true });
  }

  /** Forgets `id`; returns whether it was indexed. */
  remove(id: string): boolean {
    const at = this.byId.get(id);
    if (at === undefined) return false;
    this.entries[at]!.alive = false;
    this.byId.delete(id);
    this.dead++;
    return true;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** Number of fingerprints indexed. */
  get size(): number {
    return this.byId.size;
  }

  /** Landmarks and bytes held by the built segments (after `build`). */
  stats(): { landmarks: number; bytes: number; segments: number } {
    return { landmarks: this.segments.reduce((n, s) => n + s.size, 0), bytes: this.segments.reduce((n, s) => n + s.bytes, 0), segments: this.segments.length };
  }

  /** Brings the segments up to date now (otherwise the next `match` does). */
  build(): void {
    if (this.dead > this.byId.size || this.segments.length >= MAX_SEGMENTS) {
      this.segments = [];
      this.pending = [];
      const live = this.entries.filter((e) => e.alive);
      this.entries.length = 0;
      this.byId.clear();
      this.dead = 0;
      for (const e of live) {
        this.byId.set(e.id, this.entries.length);
        this.pending.push(this.entries.length);
        this.entries.push(e);
      }
    }
    const pending = this.pending.filter((n) => this.entries[n]!.alive);
    this.pending = [];
    if (pending.length) this.segments.push(new IndexSegment(pending.map((entry) => ({ entry, fp: this.entries[entry]!.fp }))));
  }

  /**
   * The indexed audio found in `query`, strongest first: for each indexed
   * fingerprint, the time offset most landmarks agree on, kept when its
   * evidence passes the decision thresholds (see matchDecision.ts).
   */
  match(query: Fingerprint, options: MatchOptions = {}): FingerprintMatch[] {
    if (query.version !== FINGERPRINT_VERSION) throw new RangeError(`fingerprint version ${query.version} is not ${FINGERPRINT_VERSION}`);
    const thresholds = options.thresholds ?? MATCH_THRESHOLDS;
    this.build();
    const { hashes, times } = landmarkHashes(query.peaks);
    let votes = new Float64Array(Math.max(1024, hashes.length * 2));
    let n = 0;
    for (let i = 0; i < hashes.length; i++) {
      const tq = times[i]!;
      for (const segment of this.segments) {
        segment.forEachPosting(hashes[i]!, MAX_POSTINGS, (entry, frame) => {
          if (!this.entries[entry]!.alive) return;
          if (n === votes.length) {
            const grown = new Float64Array(votes.length * 2);
            grown.set(votes);
            votes = grown;
          }
          votes[n++] = packVote(entry, frame - tq);
        });
      }
    }
    const candidates = bestOffsets(votes.subarray(0, n), Math.min(PREFILTER_VOTES, thresholds.minVotes)).slice(0, MAX_CANDIDATES);
    if (!candidates.length) return [];

    // Second pass: the query frames of each candidate's agreeing landmarks, for coverage and hit ratio.
    const wanted = new Map(candidates.map((c) => [c.entry, { offset: c.offset, frames: [] as number[] }]));
    for (let i = 0; i < hashes.length; i++) {
      const tq = times[i]!;
      for (const segment of this.segments) {
        segment.forEachPosting(hashes[i]!, MAX_POSTINGS, (entry, frame) => {
          const c = wanted.get(entry);
          if (c && Math.abs(frame - tq - c.offset) <= 1) c.frames.push(tq);
        });
      }
    }
    const queryPerBlock = new Uint32Array(Math.max(1, Math.ceil(query.frames / BLOCK_FRAMES)));
    for (let i = 0; i < times.length; i++) queryPerBlock[Math.min(queryPerBlock.length - 1, Math.floor(times[i]! / BLOCK_FRAMES))]!++;

    const matches: FingerprintMatch[] = [];
    for (const [entry, c] of wanted) {
      const evidence = measureEvidence(c.frames, queryPerBlock, thresholds);
      if (!options.includeRejected && !isMatch(evidence, thresholds)) continue;
      matches.push({
        id: this.entries[entry]!.id,
        offsetSec: Math.round(c.offset * FRAME_SECONDS * 1000) / 1000,
        coveredSec: Math.round(evidence.coveredSec * 10) / 10,
        score: evidence.votes,
        hitRatio: Math.round(evidence.hitRatio * 1000) / 1000,
        confidence: matchConfidence(evidence, thresholds),
      });
    }
    return matches.sort((a, b) => b.confidence - a.confidence || b.score - a.score);
  }
}
