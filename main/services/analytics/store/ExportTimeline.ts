import { DAY_MS, MINUTE_MS } from '../../../../shared/analytics/playDefinitions';
import type { StoredDay } from '../../../db/analytics/analyticsWriteQueries';
import { groupPlayDays } from './groupPlayDays';
import type { MatchedPlays } from './MatchedPlays';
import { mergePlayDay } from './mergePlayDay';
import { PlayDayScratch, type PlayDay } from './PlayDay';

const MINUTES_PER_DAY = 1440;
const NO_DAYS = { count: 0, day: new Float64Array(0), start: new Int32Array(1), order: new Int32Array(0) };

/**
 * Every play of one export — those stored and an import's new ones, each
 * play once — in time order to the minute, column by column: what the
 * flag rules judge (their windows reach across days) and what the store
 * writes back day by day. Its memory is reused from one export to the next.
 */
export class ExportTimeline {
  length = 0;
  listener = new Float64Array(0);
  /** UTC milliseconds. */
  playedAt = new Float64Array(0);
  msPlayed = new Uint32Array(0);
  importId = new Uint32Array(0);
  country = new Uint16Array(0);
  source = new Uint8Array(0);
  reasonEnd = new Uint8Array(0);
  /** Flags as stored (0 for a new play). */
  storedFlags = new Uint8Array(0);
  /** 1 for a play this import adds. */
  isNew = new Uint8Array(0);
  /** UTC day numbers, ascending; day d's plays are dayStart[d] … dayStart[d + 1] − 1. */
  readonly days: number[] = [];
  readonly dayStart: number[] = [];
  /** Plays of this import already stored, or read twice. */
  duplicates = 0;
  private readonly storedScratch = new PlayDayScratch();
  private readonly outScratch = new PlayDayScratch();
  private bucket = new Int32Array(MINUTES_PER_DAY + 1);

  /**
   * The timeline of stored days (ascending) and new plays (listeners already
   * in their stored form): each day's new plays deduplicated against what is
   * stored and against each other (mergePlayDay: the first wins).
   */
  build(stored: readonly StoredDay[], plays: MatchedPlays, importId: number): this {
    const groups = plays.length ? groupPlayDays(plays) : NO_DAYS;
    this.reserve(stored.reduce((sum, day) => sum + day.plays, 0) + plays.length);
    this.length = 0;
    this.duplicates = 0;
    this.days.length = 0;
    this.dayStart.length = 0;
    let s = 0;
    let g = 0;
    while (s < stored.length || g < groups.count) {
      const storedDay = s < stored.length ? stored[s]!.day : Infinity;
      const newDay = g < groups.count ? groups.day[g]! : Infinity;
      const day = Math.min(storedDay, newDay);
      const row = storedDay === day ? stored[s++]! : null;
      const before = row ? this.storedScratch.decode(row.columns, row.plays) : null;
      if (newDay === day) {
        const merged = mergePlayDay(before, plays, groups.order.subarray(groups.start[g]!, groups.start[g + 1]!), day * DAY_MS, importId);
        this.duplicates += merged.duplicates;
        this.append(day, merged.day, merged.storedLength);
        g++;
      } else this.append(day, before!, before!.length);
    }
    this.dayStart.push(this.length);
    return this;
  }

  /** Day d's plays with `flags` as one stored day (valid until the next call). */
  dayOf(d: number, flags: Uint8Array): PlayDay {
    const from = this.dayStart[d]!;
    const n = this.dayStart[d + 1]! - from;
    const out = this.outScratch.day(n);
    const dayStartMs = this.days[d]! * DAY_MS;
    for (let i = 0; i < n; i++) {
      const p = from + i;
      out.listener[i] = this.listener[p]!;
      out.msIntoDay[i] = this.playedAt[p]! - dayStartMs;
      out.msPlayed[i] = this.msPlayed[p]!;
      out.importId[i] = this.importId[p]!;
      out.country[i] = this.country[p]!;
      out.source[i] = this.source[p]!;
      out.reasonEnd[i] = this.reasonEnd[p]!;
      out.flags[i] = flags[p]!;
    }
    return out;
  }

  /** Appends one day's plays in minute order (a stable counting sort: within a minute, stored before new, each in the order added). */
  private append(day: number, plays: PlayDay, storedLength: number): void {
    this.days.push(day);
    this.dayStart.push(this.length);
    const n = plays.length;
    const bucket = this.bucket;
    bucket.fill(0);
    for (let i = 0; i < n; i++) bucket[Math.floor(plays.msIntoDay[i]! / MINUTE_MS) + 1]!++;
    for (let m = 0; m < MINUTES_PER_DAY; m++) bucket[m + 1]! += bucket[m]!;
    const base = this.length;
    const dayStartMs = day * DAY_MS;
    for (let i = 0; i < n; i++) {
      const p = base + bucket[Math.floor(plays.msIntoDay[i]! / MINUTE_MS)]!++;
      this.listener[p] = plays.listener[i]!;
      this.playedAt[p] = dayStartMs + plays.msIntoDay[i]!;
      this.msPlayed[p] = plays.msPlayed[i]!;
      this.importId[p] = plays.importId[i]!;
      this.country[p] = plays.country[i]!;
      this.source[p] = plays.source[i]!;
      this.reasonEnd[p] = plays.reasonEnd[i]!;
      this.storedFlags[p] = i < storedLength ? plays.flags[i]! : 0;
      this.isNew[p] = i < storedLength ? 0 : 1;
    }
    this.length += n;
  }

  private reserve(capacity: number): void {
    if (capacity <= this.listener.length) return;
    const size = Math.max(capacity, Math.ceil(this.listener.length * 1.5));
    this.listener = new Float64Array(size);
    this.playedAt = new Float64Array(size);
    this.msPlayed = new Uint32Array(size);
    this.importId = new Uint32Array(size);
    this.country = new Uint16Array(size);
    this.source = new Uint8Array(size);
    this.reasonEnd = new Uint8Array(size);
    this.storedFlags = new Uint8Array(size);
    this.isNew = new Uint8Array(size);
  }
}
