import { curveLength, DAY_MS, endSecond, FLAG_BURST, FLAG_REPEAT, isCompletion, isSkip, listenedMs, PLAY_SOURCES } from '../../../shared/analytics/playDefinitions';
import type { AnalyticsWriteQueries, Counts } from '../../db/analytics/analyticsWriteQueries';

interface Part {
  readonly totals: Counts;
  readonly endings: Int32Array;
  readonly countries: Map<string, Counts>;
  readonly sources: Counts[];
  readonly days: Map<number, Counts>;
  readonly repeat: Counts;
  readonly burst: Counts;
}

const zero = (): Counts => ({ plays: 0, skips: 0, completions: 0, listenedMs: 0 });
const dayNames = new Map<number, string>();
/** A UTC day number as YYYY-MM-DD. */
export function dayName(day: number): string {
  let name = dayNames.get(day);
  if (!name) dayNames.set(day, (name = new Date(day * DAY_MS).toISOString().slice(0, 10)));
  return name;
}

/**
 * Adds plays up into what the dashboards read — totals, the histogram of
 * where plays ended, and breakdowns by country, source, day and (for
 * flagged plays) flag — per export and per flagged/unflagged, then writes
 * the sums in one pass of upserts.
 */
export class RollupAccumulator {
  private readonly parts = new Map<number, Part>();

  add(seq: number, durationMs: number, flags: number, playedAt: number, msPlayed: number, country: string, source: number, reasonEnd: number): void {
    const key = seq * 2 + (flags ? 1 : 0);
    let part = this.parts.get(key);
    if (!part) {
      part = { totals: zero(), endings: new Int32Array(curveLength(durationMs)), countries: new Map(), sources: PLAY_SOURCES.map(zero), days: new Map(), repeat: zero(), burst: zero() };
      this.parts.set(key, part);
    }
    const skip = isSkip(msPlayed, durationMs, reasonEnd) ? 1 : 0;
    const completion = isCompletion(msPlayed, durationMs, reasonEnd) ? 1 : 0;
    const listened = listenedMs(msPlayed, durationMs);
    bump(part.totals, skip, completion, listened);
    part.endings[endSecond(msPlayed, durationMs)]!++;
    let c = part.countries.get(country);
    if (!c) part.countries.set(country, (c = zero()));
    bump(c, skip, completion, listened);
    bump(part.sources[source]!, skip, completion, listened);
    const day = Math.floor(playedAt / DAY_MS);
    let d = part.days.get(day);
    if (!d) part.days.set(day, (d = zero()));
    bump(d, skip, completion, listened);
    if (flags & FLAG_REPEAT) bump(part.repeat, skip, completion, listened);
    if (flags & FLAG_BURST) bump(part.burst, skip, completion, listened);
  }

  /** Adds everything accumulated to the stored rollups. */
  writeTo(write: AnalyticsWriteQueries): void {
    for (const [key, part] of this.parts) {
      const seq = Math.floor(key / 2);
      const flagged = key % 2;
      write.addTotals(seq, flagged, part.totals);
      part.endings.forEach((plays, second) => {
        if (plays) write.addEnding(seq, flagged, second, plays);
      });
      for (const [country, c] of part.countries) write.addBreakdown(seq, flagged, 'country', country, c);
      part.sources.forEach((c, i) => {
        if (c.plays) write.addBreakdown(seq, flagged, 'source', PLAY_SOURCES[i]!, c);
      });
      for (const [day, c] of part.days) write.addBreakdown(seq, flagged, 'day', dayName(day), c);
      if (part.repeat.plays) write.addBreakdown(seq, flagged, 'flag', 'repeat', part.repeat);
      if (part.burst.plays) write.addBreakdown(seq, flagged, 'flag', 'burst', part.burst);
    }
    this.parts.clear();
  }
}

function bump(c: Counts, skip: number, completion: number, listened: number): void {
  c.plays++;
  c.skips += skip;
  c.completions += completion;
  c.listenedMs += listened;
}
