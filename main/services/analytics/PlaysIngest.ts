import {
  BURST_FROM_MS,
  BURST_MIN_PLAYS,
  BURST_MIN_SHARE,
  BURST_TO_MS,
  DAY_MS,
  FLAG_BURST,
  FLAG_REPEAT,
  HOUR_MS,
  REPEAT_PLAYS_PER_DAY,
} from '../../../shared/analytics/playDefinitions';
import type { AnalyticsWriteQueries } from '../../db/analytics/analyticsWriteQueries';
import { mergeSortedKeys } from './mergeSortedKeys';
import { NewPlays } from './NewPlays';
import { PairCounts } from './PairCounts';
import { dayName, RollupAccumulator } from './RollupAccumulator';

/** Group keys: (export, UTC day) and (export, UTC hour) as safe integers. */
const dayGroup = (seq: number, day: number) => seq * 131072 + day;
const hourGroup = (seq: number, hour: number) => seq * 16777216 + hour;
const inBurstWindow = (ms: number) => ms >= BURST_FROM_MS && ms < BURST_TO_MS;

export interface IngestTotals {
  added: number;
  duplicates: number;
  flagged: number;
}

/**
 * Adds matched plays to the database inside the importer's transaction:
 * stores each new play (a play already there is a duplicate), then, once
 * every play is in, flags artificial-looking plays — judged on everything
 * stored for the same export and day, not just this file — and adds the new
 * plays to the rollups. When flagging reaches plays stored by an earlier
 * import, that export's rollups are rebuilt from its plays instead.
 */
export class PlaysIngest {
  private readonly fresh = new NewPlays();
  private duplicates = 0;
  /** Days that had plays before this import, per export (read before any rollup changes). */
  private readonly earlierDays = new Map<number, Set<string>>();
  private readonly durations = new Map<number, number>();

  constructor(
    private readonly write: AnalyticsWriteQueries,
    private readonly importId: number,
  ) {}

  add(seq: number, durationMs: number, playedAt: number, listener: number, msPlayed: number, country: string, source: number, reasonEnd: number): void {
    if (!this.earlierDays.has(seq)) {
      this.earlierDays.set(seq, this.write.daysWithPlays(seq));
      this.durations.set(seq, durationMs);
    }
    // One statement per play: measured faster here than multi-row inserts wrapped in savepoints.
    if (this.write.insertPlay(seq, playedAt, listener, msPlayed, country, source, reasonEnd, this.importId)) this.fresh.push(seq, durationMs, playedAt, listener, msPlayed, country, source, reasonEnd);
    else this.duplicates++;
  }

  /** Flags, rollups and listener sets for everything added. */
  finish(): IngestTotals {
    const rebuild = new Set<number>();
    this.flagRepeats(rebuild);
    this.flagBursts(rebuild);
    const p = this.fresh;
    let flagged = 0;
    for (let i = 0; i < p.length; i++) {
      if (!p.flags[i]) continue;
      flagged++;
      this.write.setFlags({ exportSeq: p.seq[i]!, playedAt: p.playedAt[i]!, listener: p.listener[i]!, msPlayed: p.msPlayed[i]!, country: '', source: 0, reasonEnd: 0, flags: p.flags[i]! });
    }
    const rollups = new RollupAccumulator();
    const listeners = new Map<number, { all: number[]; unflagged: number[] }>();
    for (let i = 0; i < p.length; i++) {
      const seq = p.seq[i]!;
      if (rebuild.has(seq)) continue;
      const isFlagged = p.flags[i] !== 0;
      rollups.add(seq, p.durationMs[i]!, p.flags[i]!, p.playedAt[i]!, p.msPlayed[i]!, p.country[i]!, p.source[i]!, p.reasonEnd[i]!);
      let l = listeners.get(seq);
      if (!l) listeners.set(seq, (l = { all: [], unflagged: [] }));
      l.all.push(p.listener[i]!);
      if (!isFlagged) l.unflagged.push(p.listener[i]!);
    }
    rollups.writeTo(this.write);
    for (const [seq, l] of listeners) {
      const stored = this.write.listenerSet(seq);
      this.write.saveListenerSet(seq, mergeSortedKeys(stored.all, Float64Array.from(l.all)), mergeSortedKeys(stored.unflagged, Float64Array.from(l.unflagged)));
    }
    for (const seq of rebuild) rebuildRollups(this.write, seq, this.durations.get(seq)!);
    return { added: p.length, duplicates: this.duplicates, flagged };
  }

  /** One listener playing one export REPEAT_PLAYS_PER_DAY+ times in a UTC day: all of those plays. */
  private flagRepeats(rebuild: Set<number>): void {
    const p = this.fresh;
    const counts = new PairCounts(p.length);
    const days = new Set<number>();
    for (let i = 0; i < p.length; i++) {
      const group = dayGroup(p.seq[i]!, Math.floor(p.playedAt[i]! / DAY_MS));
      counts.add(group, p.listener[i]!);
      days.add(group);
    }
    for (const group of days) {
      const seq = Math.floor(group / 131072);
      const day = group % 131072;
      if (!this.earlierDays.get(seq)!.has(dayName(day))) continue; // a day new to the export is all in memory
      // Stored counts include this import's plays (already inserted); they decide, and may flag earlier plays too.
      for (const { listener, plays } of this.write.listenerCounts(seq, day * DAY_MS, (day + 1) * DAY_MS)) {
        const added = counts.get(group, listener);
        counts.set(group, listener, plays);
        if (plays < REPEAT_PLAYS_PER_DAY) continue;
        if (this.write.flagListenerRange(seq, day * DAY_MS, (day + 1) * DAY_MS, listener, FLAG_REPEAT) > added) rebuild.add(seq);
      }
    }
    for (let i = 0; i < p.length; i++) {
      if (counts.get(dayGroup(p.seq[i]!, Math.floor(p.playedAt[i]! / DAY_MS)), p.listener[i]!) >= REPEAT_PLAYS_PER_DAY) p.flags[i]! |= FLAG_REPEAT;
    }
  }

  /** An export's UTC hour with BURST_MIN_PLAYS+ plays ending at 30–32 s, half or more of that hour's plays: those plays. */
  private flagBursts(rebuild: Set<number>): void {
    const p = this.fresh;
    const index = new Map<number, number>();
    const plays: number[] = [];
    const inWindow: number[] = [];
    for (let i = 0; i < p.length; i++) {
      const key = hourGroup(p.seq[i]!, Math.floor(p.playedAt[i]! / HOUR_MS));
      let at = index.get(key);
      if (at === undefined) {
        index.set(key, (at = plays.length));
        plays.push(0);
        inWindow.push(0);
      }
      plays[at]!++;
      if (inBurstWindow(p.msPlayed[i]!)) inWindow[at]!++;
    }
    // Hours on days that already had plays: the stored counts (which include this import) decide.
    const storedDays = new Set<number>();
    for (const key of index.keys()) {
      const seq = Math.floor(key / 16777216);
      const day = Math.floor(((key % 16777216) * HOUR_MS) / DAY_MS);
      if (this.earlierDays.get(seq)!.has(dayName(day))) storedDays.add(dayGroup(seq, day));
    }
    const freshInWindow = [...inWindow];
    const stored = new Set<number>();
    for (const group of storedDays) {
      const seq = Math.floor(group / 131072);
      const day = group % 131072;
      for (const h of this.write.hourCounts(seq, day * DAY_MS, (day + 1) * DAY_MS, BURST_FROM_MS, BURST_TO_MS, HOUR_MS)) {
        const at = index.get(hourGroup(seq, h.hour));
        if (at === undefined) continue; // an hour this import did not touch keeps its flags
        plays[at] = h.plays;
        inWindow[at] = h.inWindow;
        stored.add(at);
      }
    }
    const burst = new Uint8Array(plays.length);
    for (const [key, at] of index) {
      if (inWindow[at]! < BURST_MIN_PLAYS || inWindow[at]! < BURST_MIN_SHARE * plays[at]!) continue;
      burst[at] = 1;
      if (!stored.has(at)) continue;
      const seq = Math.floor(key / 16777216);
      const hour = key % 16777216;
      if (this.write.flagBurstRange(seq, hour * HOUR_MS, (hour + 1) * HOUR_MS, BURST_FROM_MS, BURST_TO_MS, FLAG_BURST) > freshInWindow[at]!) rebuild.add(seq);
    }
    for (let i = 0; i < p.length; i++) {
      if (inBurstWindow(p.msPlayed[i]!) && burst[index.get(hourGroup(p.seq[i]!, Math.floor(p.playedAt[i]! / HOUR_MS)))!]) p.flags[i]! |= FLAG_BURST;
    }
  }
}

/** Recomputes one export's rollups and listener sets from its stored plays (after earlier plays changed flags). */
export function rebuildRollups(write: AnalyticsWriteQueries, seq: number, durationMs: number): void {
  write.clearRollups(seq);
  const rollups = new RollupAccumulator();
  const all: number[] = [];
  const unflagged: number[] = [];
  for (const play of write.playsOf(seq)) {
    rollups.add(seq, durationMs, play.flags, play.playedAt, play.msPlayed, play.country, play.source, play.reasonEnd);
    all.push(play.listener);
    if (!play.flags) unflagged.push(play.listener);
  }
  rollups.writeTo(write);
  write.saveListenerSet(seq, mergeSortedKeys(new Float64Array(0), Float64Array.from(all)), mergeSortedKeys(new Float64Array(0), Float64Array.from(unflagged)));
}
