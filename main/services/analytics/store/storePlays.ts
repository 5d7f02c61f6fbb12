import { playState, type FlagRuleId } from '../../../../shared/analytics/flagRules';
import type { AnalyticsWriteQueries } from '../../../db/analytics/analyticsWriteQueries';
import type { TaskHandle } from '../../TaskRegistry';
import { countListeners } from './countListeners';
import { ExportTimeline } from './ExportTimeline';
import { flagTimeline } from './flagTimeline';
import { ListenerIds } from './ListenerIds';
import { ListenerIndex } from './ListenerIndex';
import type { ListenerKeys } from './ListenerKeys';
import { MatchedPlays } from './MatchedPlays';
import { countryName, playDayBytes } from './PlayDay';
import type { PlaysByExport } from './PlaysByExport';
import { RollupAccumulator } from './RollupAccumulator';

export interface StoreTotals {
  added: number;
  duplicates: number;
  /** Plays added by this import that look artificial. */
  flagged: number;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
const timeline = new ExportTimeline();
const none = new MatchedPlays(1);
const ids = new ListenerIds();

/**
 * Stores an import's matched plays inside the importer's transaction, one
 * export at a time. Listener ids become their stored keys first (a keyed
 * hash, once per listener per export) and go into the library-wide
 * listener index. Then each export's whole timeline — stored plays and new
 * ones, each play once (a play already stored is a duplicate) — is judged
 * by the flag rules, the rollups change by exactly what changed (new plays
 * in; stored plays whose flags changed out with the old and in with the
 * new), changed days are written back, and the export's listener counts
 * and flag catches are replaced. Exports without new plays are judged again
 * when the import changes what their rules see: a listener of theirs now
 * plays another export too, or a second export gets its first plays (the
 * only-this-export rule starts to apply). Yields to the event loop between
 * exports (progress, cancellation).
 */
export async function storePlays(
  write: AnalyticsWriteQueries,
  byExport: PlaysByExport,
  durations: ReadonlyMap<number, number>,
  importId: number,
  task: TaskHandle,
  keys: ListenerKeys,
): Promise<StoreTotals> {
  const index = ListenerIndex.from(write.listenerExports());
  const withPlays = new Set(write.seqsWithPlays());
  const judgeAgain = new Set<number>();
  for (const seq of byExport.seqs()) {
    for (const other of storedListenersOf(byExport, seq, keys, index)) judgeAgain.add(other);
  }
  const before = withPlays.size;
  for (const seq of byExport.seqs()) withPlays.add(seq);
  if (before < 2 && withPlays.size >= 2) for (const seq of withPlays) judgeAgain.add(seq);
  for (const seq of byExport.seqs()) judgeAgain.delete(seq);

  const rollups = new RollupAccumulator();
  const totals: StoreTotals = { added: 0, duplicates: 0, flagged: 0 };
  const reflagged: number[] = [];
  const multi = withPlays.size >= 2 ? index : null;
  let lastYield = performance.now();
  let done = 0;
  const withNewPlays = new Set(byExport.seqs());
  for (const seq of [...withNewPlays, ...judgeAgain]) {
    const plays = withNewPlays.has(seq) ? byExport.playsOf(seq) : none;
    const durationMs = durations.get(seq) ?? write.durationOf(seq);
    if (storeExport(write, seq, plays, durationMs, importId, multi, rollups, totals, false)) reflagged.push(seq);
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
  const stored = index.toStored();
  write.saveListenerExports(stored.keys, stored.seqs);
  return totals;
}

/**
 * Judges and rolls up every stored play again, from empty rollups: after a
 * migration changed what listener keys or flag rules are. The listener
 * index is rebuilt from the stored plays first.
 */
export function rebuildStoredPlays(write: AnalyticsWriteQueries): void {
  write.deleteAllRollups();
  const index = ListenerIndex.from({ keys: new Float64Array(0), seqs: new Int32Array(0) });
  const seqs = write.seqsWithPlays();
  for (const seq of seqs) {
    timeline.build(write.playDaysOf(seq), none, 0);
    for (let i = 0; i < timeline.length; i++) index.add(timeline.listener[i]!, seq);
  }
  const rollups = new RollupAccumulator();
  const totals: StoreTotals = { added: 0, duplicates: 0, flagged: 0 };
  for (const seq of seqs) storeExport(write, seq, none, write.durationOf(seq), 0, seqs.length >= 2 ? index : null, rollups, totals, true);
  rollups.writeTo(write);
  const stored = index.toStored();
  write.saveListenerExports(stored.keys, stored.seqs);
}

/**
 * Judges stored exports again without new plays (after a dispute was
 * raised or taken back): their flags, rollups, listeners and catches follow.
 */
export function judgeAgain(write: AnalyticsWriteQueries, seqs: readonly number[]): void {
  const index = ListenerIndex.from(write.listenerExports());
  const multi = write.seqsWithPlays().length >= 2 ? index : null;
  const rollups = new RollupAccumulator();
  const totals: StoreTotals = { added: 0, duplicates: 0, flagged: 0 };
  for (const seq of seqs) storeExport(write, seq, none, write.durationOf(seq), 0, multi, rollups, totals, false);
  rollups.writeTo(write);
  for (const seq of seqs) write.dropEmptyRollups(seq);
}

/**
 * Turns one export's new plays' listener ids into stored keys, in place (a
 * negative id is a stored key already: −key − 1, from plays kept aside),
 * and adds each listener to the index; returns the exports whose listeners
 * now play elsewhere too.
 */
function storedListenersOf(byExport: PlaysByExport, seq: number, keys: ListenerKeys, index: ListenerIndex): number[] {
  const chunks = byExport.chunksOf(seq);
  ids.reset(chunks.reduce((sum, c) => sum + c.length, 0));
  let stored: Float64Array = new Float64Array(1024);
  const affected: number[] = [];
  for (const chunk of chunks) {
    for (let i = 0; i < chunk.length; i++) {
      const digest = chunk.listener(i);
      const known = ids.size;
      const id = ids.id(digest);
      if (id === known) {
        if (id === stored.length) stored = grown(stored);
        const key = digest < 0 ? -digest - 1 : keys.of(digest);
        stored[id] = key;
        const other = index.add(key, seq);
        if (other >= 0) affected.push(other);
      }
      chunk.setListener(i, stored[id]!);
    }
  }
  return affected;
}

function grown(array: Float64Array): Float64Array {
  const bigger = new Float64Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

/** One export: timeline, flags, rollup changes, changed days, listeners, catches. True when stored plays' flags changed. */
function storeExport(
  write: AnalyticsWriteQueries,
  seq: number,
  plays: MatchedPlays,
  durationMs: number,
  importId: number,
  index: ListenerIndex | null,
  rollups: RollupAccumulator,
  totals: StoreTotals,
  fromScratch: boolean,
): boolean {
  const t = timeline.build(write.playDaysOf(seq), plays, importId);
  totals.duplicates += t.duplicates;
  const disputes = write.disputes(seq).map((d) => ({ ...d, rule: d.rule as FlagRuleId }));
  const { flags, catches } = flagTimeline(t, { durationMs, playedElsewhere: index ? (listener) => index.playedElsewhere(listener, seq) : null, disputes });
  let reflagged = false;
  for (let d = 0; d < t.days.length; d++) {
    const day = t.days[d]!;
    let changed = false;
    for (let i = t.dayStart[d]!; i < t.dayStart[d + 1]!; i++) {
      const now = flags[i]!;
      if (t.isNew[i] || fromScratch) {
        if (t.isNew[i]) {
          totals.added++;
          if (playState(now) !== 0) totals.flagged++;
        }
        rollups.add(1, seq, durationMs, now, day, t.msPlayed[i]!, t.country[i]!, t.source[i]!, t.reasonEnd[i]!);
        changed ||= t.isNew[i] === 1 || now !== t.storedFlags[i];
        continue;
      }
      const before = t.storedFlags[i]!;
      if (before === now) continue;
      rollups.add(-1, seq, durationMs, before, day, t.msPlayed[i]!, t.country[i]!, t.source[i]!, t.reasonEnd[i]!);
      rollups.add(1, seq, durationMs, now, day, t.msPlayed[i]!, t.country[i]!, t.source[i]!, t.reasonEnd[i]!);
      changed = reflagged = true;
    }
    if (changed) {
      const n = t.dayStart[d + 1]! - t.dayStart[d]!;
      write.savePlayDay(seq, day, n, playDayBytes(t.dayOf(d, flags)));
    }
  }
  if (t.length) write.saveExportListeners(seq, countListeners(t, flags));
  write.saveCatches(
    seq,
    catches.map((c) => ({
      rule: c.rule,
      listener: c.listener,
      country: c.country === null ? null : countryName(c.country),
      fromMinute: c.fromMinute,
      toMinute: c.toMinute,
      plays: c.plays,
      disputed: c.disputed ? 1 : 0,
    })),
  );
  return reflagged;
}
