import { countryCode } from '../store/PlayDay';
import type { LineResult } from './ParsedPlay';
import type { PlayKeys } from './PlayKeys';

/** A line that could not be read, and why. */
export interface LineProblem {
  readonly line: number;
  readonly reason: string;
}

const CAPACITY = 4096;

/**
 * What one stretch of a play log held: its plays column by column (a key
 * number from the import's PlayKeys, not a string per play), the malformed
 * lines with their numbers, and counts. Readers fill it; the importer
 * matches and stores it.
 */
export class PlayLogBatch {
  /** Lines that were plays or tried to be (not blank lines, headers or ignored entries). */
  lines = 0;
  malformed = 0;
  /** Entries skipped on purpose (podcasts, entries without a track). */
  ignored = 0;
  readonly problems: LineProblem[] = [];
  /** How far into the source this batch ends, in the source's unit of progress (bytes of a file, plays of a simulation). */
  progress = 0;
  length = 0;
  key = new Int32Array(CAPACITY);
  listener = new Float64Array(CAPACITY);
  playedAt = new Float64Array(CAPACITY);
  msPlayed = new Uint32Array(CAPACITY);
  /** Two ASCII bytes (PlayDay's country code). */
  country = new Uint16Array(CAPACITY);
  source = new Uint8Array(CAPACITY);
  reasonEnd = new Uint8Array(CAPACITY);

  constructor(
    readonly keys: PlayKeys,
    /** Number of the batch's first line (or entry), from 1. */
    public firstLine: number,
  ) {}

  /** Empties the batch for the next stretch (its arrays are reused: fresh memory is costly to touch). */
  reset(firstLine: number): void {
    this.firstLine = firstLine;
    this.lines = this.malformed = this.ignored = this.length = 0;
    this.problems.length = 0;
    this.progress = 0;
  }

  /** Adds a play already validated (msPlayed within a day, country a valid code). */
  push(key: number, listener: number, playedAt: number, country: number, source: number, msPlayed: number, reasonEnd: number): void {
    if (this.length === this.key.length) this.grow();
    const i = this.length++;
    this.key[i] = key;
    this.listener[i] = listener;
    this.playedAt[i] = playedAt;
    this.country[i] = country;
    this.source[i] = source;
    this.msPlayed[i] = msPlayed;
    this.reasonEnd[i] = reasonEnd;
    this.lines++;
  }

  /** Adds what a parser made of line `line`. */
  add(line: number, result: LineResult): void {
    if ('ignored' in result) {
      if (result.ignored !== 'blank line' && result.ignored !== 'header') this.ignored++;
    } else if ('error' in result) {
      this.lines++;
      this.malformed++;
      this.problems.push({ line, reason: result.error });
    } else {
      const p = result.play;
      this.push(this.keys.indexOf(p.keyKind, p.keyValue, p.label), p.listener, p.playedAt, countryCode(p.country), p.source, p.msPlayed, p.reasonEnd);
    }
  }

  private grow(): void {
    const size = Math.max(CAPACITY, this.key.length * 2);
    const bigger = <T extends Int32Array | Float64Array | Uint32Array | Uint16Array | Uint8Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(size);
      b.set(a);
      return b;
    };
    this.key = bigger(this.key);
    this.listener = bigger(this.listener);
    this.playedAt = bigger(this.playedAt);
    this.msPlayed = bigger(this.msPlayed);
    this.country = bigger(this.country);
    this.source = bigger(this.source);
    this.reasonEnd = bigger(this.reasonEnd);
  }
}
