import { DAY_MS } from '../../../../shared/analytics/playDefinitions';
import type { AnalyticsWriteQueries } from '../../../db/analytics/analyticsWriteQueries';
import type { TaskHandle } from '../../TaskRegistry';
import { flagPlayDay } from './flagPlayDay';
import { groupPlayDays } from './groupPlayDays';
import { ListenerTally } from './ListenerTally';
import type { MatchedPlays } from './MatchedPlays';
import { mergePlayDay } from './mergePlayDay';
import { PlayDayScratch, playDayBytes } from './PlayDay';
import type { PlaysByExport } from './PlaysByExport';
import { RollupAccumulator } from './RollupAccumulator';

export interface StoreTotals {
  added: number;
  duplicates: number;
  /** Plays added by this import that look artificial. */
  flagged: number;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Stores an import's matched plays inside the importer's transaction, one
 * export and one UTC day at a time: the day's stored plays and the new ones
 * are merged (a play already there is a duplicate), the day is flagged as a
 * whole (flagPlayDay), and the rollups change by exactly what changed —
 * new plays added, stored plays whose flags changed taken out with their
 * old flags and added with their new ones. Yields to the event loop between
 * exports (progress, cancellation).
 */
export async function storePlays(write: AnalyticsWriteQueries, byExport: PlaysByExport, durations: ReadonlyMap<number, number>, importId: number, task: TaskHandle): Promise<StoreTotals> {
  const rollups = new RollupAccumulator();
  const totals: StoreTotals = { added: 0, duplicates: 0, flagged: 0 };
  const reflagged: number[] = [];
  let lastYield = performance.now();
  let done = 0;
  for (const seq of byExport.seqs()) {
    const plays = byExport.playsOf(seq);
    if (storeExportPlays(write, seq, plays, durations.get(seq)!, importId, rollups, totals)) reflagged.push(seq);
    byExport.release(seq);
    done += plays.length;
    if (performance.now() - lastYield > 100) {
      task.progress('Flagging and rolling up', done, byExport.length);
      task.throwIfCancelled();
      await yieldToEventLoop();
      lastYield = performance.now();
    }
  }
  rollups.writeTo(write);
  for (const seq of reflagged) write.dropEmptyRollups(seq);
  return totals;
}

/** Stored days are decoded into one reused buffer (a day is done with before the next is read). */
const storedScratch = new PlayDayScratch();
const allListeners = new ListenerTally();
const unflaggedListeners = new ListenerTally();

/**
 * One export's new plays, day by day, then its listener sets: they grow by
 * the new listeners, except that when stored plays' flags changed the
 * unflagged listeners are counted again from every stored day. True when
 * stored plays' flags changed.
 */
function storeExportPlays(write: AnalyticsWriteQueries, seq: number, plays: MatchedPlays, durationMs: number, importId: number, rollups: RollupAccumulator, totals: StoreTotals): boolean {
  const groups = groupPlayDays(plays);
  const storedDays = write.storedDays(seq);
  allListeners.reset(plays.length);
  unflaggedListeners.reset(plays.length);
  let reflagged = false;
  for (let g = 0; g < groups.count; g++) {
    const day = groups.day[g]!;
    const row = storedDays.has(day) ? write.playDay(seq, day) : undefined;
    const stored = row ? storedScratch.decode(row.columns, row.plays) : null;
    const merged = mergePlayDay(stored, plays, groups.order.subarray(groups.start[g]!, groups.start[g + 1]!), day * DAY_MS, importId);
    const out = merged.day;
    flagPlayDay(out);
    totals.duplicates += merged.duplicates;
    let changed = false;
    for (let i = 0; i < out.length; i++) {
      const flags = out.flags[i]!;
      if (i < merged.storedLength) {
        const before = stored!.flags[i]!;
        if (before === flags) continue;
        // A stored play whose flags changed: out with the old flags, in with the new.
        rollups.add(-1, seq, durationMs, before, day, out.msPlayed[i]!, out.country[i]!, out.source[i]!, out.reasonEnd[i]!);
        reflagged = true;
      } else {
        totals.added++;
        allListeners.add(out.listener[i]!);
        if (flags) totals.flagged++;
        else unflaggedListeners.add(out.listener[i]!);
      }
      rollups.add(1, seq, durationMs, flags, day, out.msPlayed[i]!, out.country[i]!, out.source[i]!, out.reasonEnd[i]!);
      changed = true;
    }
    if (changed) write.savePlayDay(seq, day, out.length, playDayBytes(out));
  }
  const before = write.listenerSet(seq);
  const all = union(before.all, allListeners);
  let unflagged: Float64Array;
  if (reflagged) {
    unflaggedListeners.reset(before.all.length + allListeners.size);
    for (const row of write.playDaysOf(seq)) {
      const day = storedScratch.decode(row.columns, row.plays);
      for (let i = 0; i < day.length; i++) if (!day.flags[i]) unflaggedListeners.add(day.listener[i]!);
    }
    unflagged = union(new Float64Array(0), unflaggedListeners);
  } else unflagged = union(before.unflagged, unflaggedListeners);
  write.saveListenerSet(seq, all, unflagged);
  return reflagged;
}

const merged = new ListenerTally();
/** Stored distinct keys and an import's distinct keys, as one array of distinct keys. */
function union(stored: Float64Array, added: ListenerTally): Float64Array {
  if (!added.size) return stored;
  merged.reset(stored.length + added.size);
  for (let i = 0; i < stored.length; i++) merged.add(stored[i]!);
  for (let i = 0; i < added.size; i++) merged.add(added.distinct[i]!);
  return merged.distinct.slice(0, merged.size);
}
