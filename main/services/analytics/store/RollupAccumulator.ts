import { FLAG_RULES, playState } from '../../../../shared/analytics/flagRules';
import { curveLength, DAY_MS, endSecond, isCompletion, isSkip, listenedMs, PLAY_SOURCES } from '../../../../shared/analytics/playDefinitions';
import type { AnalyticsWriteQueries, Counts } from '../../../db/analytics/analyticsWriteQueries';
import { countryName } from './PlayDay';

/** One export's sums for its plays in one state (playState: not flagged, flagged, flagged and disputed). */
interface Part {
  readonly seq: number;
  readonly state: number;
  readonly durationMs: number;
  readonly totals: Counts;
  readonly endings: Int32Array;
  /** By country slot (countrySlot), filled as countries appear. */
  readonly countries: (Counts | undefined)[];
  readonly sources: Counts[];
  readonly days: Map<number, Counts>;
  /** Per flag rule (FLAG_RULES order): the plays it caught. */
  readonly rules: Counts[];
  /** The day last added to (plays come a day at a time). */
  lastDay: number;
  lastDayCounts: Counts | undefined;
}

/** Country code → a small dense slot, shared by all parts (there are ~250 countries). */
const slotOfCountry = new Int16Array(65536).fill(-1);
const countryOfSlot: number[] = [];
function countrySlot(code: number): number {
  let slot = slotOfCountry[code]!;
  if (slot < 0) {
    slot = slotOfCountry[code] = countryOfSlot.length;
    countryOfSlot.push(code);
  }
  return slot;
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
 * flagged plays) flag rule — per export and per play state (playState:
 * not flagged, flagged, flagged and disputed), then adds the
 * sums to the stored rollups in one pass of upserts. A play added with
 * sign −1 is taken out again (a stored play whose flags changed).
 */
export class RollupAccumulator {
  private readonly parts = new Map<number, Part>();
  private lastKey = -1;
  private lastPart: Part | undefined;

  /** The sums a play of this export with these flags goes into. */
  private part(seq: number, durationMs: number, flags: number): Part {
    const state = playState(flags);
    const key = seq * 3 + state;
    if (key === this.lastKey) return this.lastPart!;
    let part = this.parts.get(key);
    if (!part) {
      part = {
        seq,
        state,
        durationMs,
        totals: zero(),
        endings: new Int32Array(curveLength(durationMs)),
        countries: [],
        sources: PLAY_SOURCES.map(zero),
        days: new Map(),
        rules: FLAG_RULES.map(zero),
        lastDay: NaN,
        lastDayCounts: undefined,
      };
      this.parts.set(key, part);
    }
    this.lastKey = key;
    this.lastPart = part;
    return part;
  }

  /** Adds one play (sign 1) or takes it out (sign −1); `country` is PlayDay's two-byte code. */
  add(sign: 1 | -1, seq: number, durationMs: number, flags: number, day: number, msPlayed: number, country: number, source: number, reasonEnd: number): void {
    const part = this.part(seq, durationMs, flags);
    const skip = isSkip(msPlayed, durationMs, reasonEnd) ? sign : 0;
    const completion = isCompletion(msPlayed, durationMs, reasonEnd) ? sign : 0;
    const listened = sign * listenedMs(msPlayed, durationMs);
    bump(part.totals, sign, skip, completion, listened);
    part.endings[endSecond(msPlayed, durationMs)]! += sign;
    const slot = countrySlot(country);
    const c = (part.countries[slot] ??= zero());
    bump(c, sign, skip, completion, listened);
    bump(part.sources[source]!, sign, skip, completion, listened);
    if (part.lastDay !== day) {
      part.lastDay = day;
      part.lastDayCounts = part.days.get(day);
      if (!part.lastDayCounts) part.days.set(day, (part.lastDayCounts = zero()));
    }
    bump(part.lastDayCounts!, sign, skip, completion, listened);
    if (part.state) for (let r = 0; r < FLAG_RULES.length; r++) if (flags & FLAG_RULES[r]!.bit) bump(part.rules[r]!, sign, skip, completion, listened);
  }

  /** Adds everything accumulated to the stored rollups. */
  writeTo(write: AnalyticsWriteQueries): void {
    for (const part of this.parts.values()) {
      const { seq, state: flagged } = part;
      if (changed(part.totals)) write.addTotals(seq, flagged, part.totals);
      part.endings.forEach((plays, second) => {
        if (plays) write.addEnding(seq, flagged, second, plays);
      });
      part.countries.forEach((c, slot) => {
        if (c && changed(c)) write.addBreakdown(seq, flagged, 'country', countryName(countryOfSlot[slot]!), c);
      });
      part.sources.forEach((c, i) => {
        if (changed(c)) write.addBreakdown(seq, flagged, 'source', PLAY_SOURCES[i]!, c);
      });
      for (const [day, c] of part.days) if (changed(c)) write.addBreakdown(seq, flagged, 'day', dayName(day), c);
      part.rules.forEach((c, r) => {
        if (changed(c)) write.addBreakdown(seq, flagged, 'flag', FLAG_RULES[r]!.id, c);
      });
    }
    this.parts.clear();
    this.lastKey = -1;
    this.lastPart = undefined;
  }
}

function bump(c: Counts, plays: number, skips: number, completions: number, listened: number): void {
  c.plays += plays;
  c.skips += skips;
  c.completions += completions;
  c.listenedMs += listened;
}

/** Whether sums change anything (one play out and another in can leave plays at 0 and the rest not). */
function changed(c: Counts): boolean {
  return c.plays !== 0 || c.skips !== 0 || c.completions !== 0 || c.listenedMs !== 0;
}
