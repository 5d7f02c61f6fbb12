import { playState } from '../../../../shared/analytics/flagRules';
import type { ExportListeners } from '../../../db/analytics/analyticsWriteQueries';
import type { ExportTimeline } from './ExportTimeline';
import { ListenerIds } from './ListenerIds';

const ids = new ListenerIds();
/** Per-listener play counts, reused from one export to the next. */
let all = new Uint32Array(0);
let counted = new Uint32Array(0);
let strict = new Uint32Array(0);

/**
 * An export's listeners and each one's plays in three views — all plays;
 * plays that count (not flagged, or flagged and disputed); strictly
 * unflagged plays — with the segment counts of each view: listeners with
 * any play in it, and one-time listeners (exactly one).
 */
export function countListeners(t: ExportTimeline, flags: Uint8Array): ExportListeners {
  ids.reset(t.length);
  if (all.length < t.length) [all, counted, strict] = [new Uint32Array(t.length), new Uint32Array(t.length), new Uint32Array(t.length)];
  all.fill(0, 0, t.length);
  counted.fill(0, 0, t.length);
  strict.fill(0, 0, t.length);
  for (let i = 0; i < t.length; i++) {
    const id = ids.id(t.listener[i]!);
    all[id]!++;
    const state = playState(flags[i]!);
    if (state !== 1) counted[id]!++;
    if (state === 0) strict[id]!++;
  }
  const n = ids.size;
  const tally = (plays: Uint32Array) => {
    let listeners = 0;
    let oneTime = 0;
    for (let id = 0; id < n; id++) {
      if (plays[id]! > 0) listeners++;
      if (plays[id] === 1) oneTime++;
    }
    return [listeners, oneTime] as const;
  };
  const [listeners, oneTime] = tally(all);
  const [countedListeners, countedOneTime] = tally(counted);
  const [strictListeners, strictOneTime] = tally(strict);
  return {
    listeners,
    oneTime,
    countedListeners,
    countedOneTime,
    strictListeners,
    strictOneTime,
    keys: ids.keys.slice(0, n),
    plays: all.slice(0, n),
    counted: counted.slice(0, n),
    strict: strict.slice(0, n),
  };
}
