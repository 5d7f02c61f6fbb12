/** A moment where listeners leave. */
export interface DropOff {
  /** Where the 3-second window starts, in seconds into the export. */
  readonly second: number;
  /** Share of all plays lost in that window (0…1). */
  readonly lostShare: number;
}

const WINDOW = 3;
/** Drops this close to the start are mis-clicks and auto-advance, not the arrangement. */
const IGNORE_START = 5;
/** …and this close to the end are the ending. */
const IGNORE_END = 5;
const MIN_SEPARATION = 10;

/**
 * The largest dips in a retention curve: 3-second windows losing more
 * listeners than usual (over 3× the median per-second loss and at least 0.5 %
 * of plays), local maxima at least 10 s apart, biggest first.
 */
export function findDropOffs(curve: readonly number[], limit = 5): DropOff[] {
  const last = curve.length - 1 - IGNORE_END;
  if (last - IGNORE_START < WINDOW) return [];
  const loss = (t: number) => curve[t]! - curve[t + WINDOW]!;
  const perSecond: number[] = [];
  for (let t = IGNORE_START; t < last; t++) perSecond.push(curve[t]! - curve[t + 1]!);
  const baseline = median(perSecond) * WINDOW;
  const threshold = Math.max(baseline * 3, 0.005);
  const candidates: DropOff[] = [];
  for (let t = IGNORE_START; t + WINDOW <= last; t++) {
    const here = loss(t);
    if (here < threshold) continue;
    const before = t > IGNORE_START ? loss(t - 1) : -Infinity;
    const after = t + 1 + WINDOW <= last ? loss(t + 1) : -Infinity;
    if (here >= before && here > after) candidates.push({ second: t, lostShare: here });
  }
  candidates.sort((a, b) => b.lostShare - a.lostShare || a.second - b.second);
  const chosen: DropOff[] = [];
  for (const c of candidates) {
    if (chosen.length >= limit) break;
    if (chosen.every((d) => Math.abs(d.second - c.second) >= MIN_SEPARATION)) chosen.push(c);
  }
  return chosen;
}

function median(values: number[]): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
