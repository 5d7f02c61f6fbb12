import {
  BURST_FROM_MS,
  BURST_MIN_PLAYS,
  BURST_MIN_SHARE,
  BURST_TO_MS,
  BURST_WINDOW_MINUTES,
  EXACT_END_MIN_PLAYS,
  FLAG_BURST,
  FLAG_COUNTRY_SPIKE,
  FLAG_DISPUTED,
  FLAG_EXACT_END,
  FLAG_ONLY_THIS,
  FLAG_REPEAT,
  FLAG_RULES,
  ONLY_THIS_MIN_PLAYS,
  REPEAT_PLAYS,
  REPEAT_WINDOW_MINUTES,
  SPIKE_MAX_USUAL_SHARE,
  SPIKE_MIN_OTHER_PLAYS,
  SPIKE_MIN_PLAYS,
  SPIKE_MIN_SHARE,
  SPIKE_WINDOW_MINUTES,
  type FlagRuleId,
} from '../../../../shared/analytics/flagRules';
import { MINUTE_MS } from '../../../../shared/analytics/playDefinitions';
import type { ExportTimeline } from './ExportTimeline';
import { ListenerIds } from './ListenerIds';

/** A group of plays one rule caught: one listener's, or one stretch of minutes' (and, for a spike, one country's). */
export interface FlagCatch {
  readonly rule: FlagRuleId;
  readonly listener: number | null;
  /** PlayDay's two-byte country code, for a country spike. */
  readonly country: number | null;
  readonly fromMinute: number;
  readonly toMinute: number;
  plays: number;
  /** Every play of it is disputed for this rule. */
  disputed: boolean;
}

/** The creator's word that a catch is not artificial: plays of `rule` (of `listener`, when given) started within the minutes. */
export interface FlagDispute {
  readonly rule: FlagRuleId;
  readonly listener: number | null;
  readonly fromMinute: number;
  readonly toMinute: number;
}

export interface FlagContext {
  readonly durationMs: number;
  /** Whether a listener played another export of the library; null when fewer than two exports have plays (the rule is off). */
  readonly playedElsewhere: ((listener: number) => boolean) | null;
  readonly disputes: readonly FlagDispute[];
}

const ids = new ListenerIds();
/**
 * Working memory reused from one export to the next (an import judges
 * hundreds; fresh memory is slow to touch on the machines we measured).
 */
const scratch = {
  flags: new Uint8Array(0),
  minute: new Float64Array(0),
  lid: new Int32Array(0),
  before: new Int32Array(0),
  cover: new Int32Array(0),
  starts: new Float64Array(0),
  plays: new Int32Array(0),
  exactEnds: new Int32Array(0),
};
/** Plays per country (by PlayDay's two-byte code), in all and in the window; only codes seen are reset. */
const countryTotal = new Int32Array(65536);
const countryInWindow = new Int32Array(65536);

function reserve(n: number): void {
  if (scratch.minute.length >= n + 1) return;
  const size = Math.max(n + 1, Math.ceil(scratch.minute.length * 1.5));
  scratch.flags = new Uint8Array(size);
  scratch.minute = new Float64Array(size);
  scratch.lid = new Int32Array(size);
  scratch.before = new Int32Array(size);
  scratch.cover = new Int32Array(size);
  scratch.starts = new Float64Array(2 * size);
  scratch.plays = new Int32Array(size);
  scratch.exactEnds = new Int32Array(size);
}

const bitOf = Object.fromEntries(FLAG_RULES.map((r) => [r.id, r.bit])) as Record<FlagRuleId, number>;

/**
 * Judges every play of one export against the flag rules (shared/analytics/flagRules)
 * over its whole timeline — windows of whole minutes reach across hours and
 * days — and returns each play's flags (rule bits, plus FLAG_DISPUTED when
 * every rule that caught it is disputed) and what each rule caught.
 */
export function flagTimeline(t: ExportTimeline, context: FlagContext): { flags: Uint8Array; catches: FlagCatch[] } {
  const n = t.length;
  reserve(n);
  const flags = scratch.flags.subarray(0, n).fill(0);
  const minute = scratch.minute.subarray(0, n);
  for (let i = 0; i < n; i++) minute[i] = Math.floor(t.playedAt[i]! / MINUTE_MS);
  ids.reset(n);
  const lid = scratch.lid.subarray(0, n);
  for (let i = 0; i < n; i++) lid[i] = ids.id(t.listener[i]!);
  const plays = scratch.plays.subarray(0, ids.size).fill(0);
  const exactEnds = scratch.exactEnds.subarray(0, ids.size).fill(0);
  for (let i = 0; i < n; i++) {
    plays[lid[i]!]!++;
    if (t.msPlayed[i] === context.durationMs) exactEnds[lid[i]!]!++;
  }
  const catches: FlagCatch[] = [];
  flagRepeats(t, minute, lid, plays, flags, catches);
  flagBursts(t, minute, flags, catches);
  flagCountrySpikes(t, minute, flags, catches);
  flagListeners(minute, lid, plays, exactEnds, context, flags, catches);
  applyDisputes(t.listener, minute, context.disputes, flags, catches);
  return { flags, catches };
}

/** Plays grouped by listener, each group in time order, for the listeners `wanted` picks (by their number). */
function playsByListener(lid: Int32Array, plays: Int32Array, wanted: (id: number) => boolean): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  for (let id = 0; id < plays.length; id++) if (wanted(id)) groups.set(id, []);
  if (groups.size) for (let i = 0; i < lid.length; i++) groups.get(lid[i]!)?.push(i);
  return groups;
}

/** A listener with REPEAT_PLAYS plays within 24 consecutive hours: those plays. */
function flagRepeats(t: ExportTimeline, minute: Float64Array, lid: Int32Array, plays: Int32Array, flags: Uint8Array, catches: FlagCatch[]): void {
  for (const [, positions] of playsByListener(lid, plays, (id) => plays[id]! >= REPEAT_PLAYS)) {
    // Covered by a qualifying window: +1 where one starts, −1 past its end.
    const cover = new Int32Array(positions.length + 1);
    let from = 0;
    for (let to = 0; to < positions.length; to++) {
      while (minute[positions[to]!]! - minute[positions[from]!]! >= REPEAT_WINDOW_MINUTES) from++;
      if (to - from + 1 >= REPEAT_PLAYS) {
        cover[from]!++;
        cover[to + 1]!--;
      }
    }
    const marked = new Uint8Array(positions.length);
    for (let k = 0, depth = 0; k < positions.length; k++) marked[k] = (depth += cover[k]!) > 0 ? 1 : 0;
    runs(positions, marked, minute, REPEAT_WINDOW_MINUTES, (members) => {
      for (const p of members) flags[p]! |= FLAG_REPEAT;
      catches.push(catchOf('repeat', t.listener[members[0]!]!, null, minute, members));
    });
  }
}

/**
 * Where windows of `width` consecutive minutes must start for every
 * different set of plays such a window can hold to be seen once: the set
 * changes only where a play enters at the window's end (start = its minute
 * − width + 1) or leaves at its start (start = its minute + 1). Ascending.
 */
function windowStarts(minute: Float64Array, n: number, width: number): Float64Array {
  const starts = scratch.starts;
  let a = 0;
  let b = 0;
  let k = 0;
  // Merge the two ascending sequences minute − width + 1 and minute + 1, without repeats.
  while (a < n || b < n) {
    const enter = a < n ? minute[a]! - width + 1 : Infinity;
    const leave = b < n ? minute[b]! + 1 : Infinity;
    const next = Math.min(enter, leave);
    if (enter === next) a++;
    else b++;
    if (k === 0 || starts[k - 1] !== next) starts[k++] = next;
  }
  return starts.subarray(0, k);
}

/** BURST_MIN_PLAYS plays ending at 30–32 s within 60 consecutive minutes, at least half of those minutes' plays: those plays. */
function flagBursts(t: ExportTimeline, minute: Float64Array, flags: Uint8Array, catches: FlagCatch[]): void {
  const n = t.length;
  const inBurst = (i: number) => t.msPlayed[i]! >= BURST_FROM_MS && t.msPlayed[i]! < BURST_TO_MS;
  const before = scratch.before;
  before[0] = 0;
  for (let i = 0; i < n; i++) before[i + 1] = before[i]! + (inBurst(i) ? 1 : 0);
  if (before[n]! < BURST_MIN_PLAYS) return;
  // Covered by a qualifying window: +1 where one starts, −1 past its end.
  const cover = scratch.cover.subarray(0, n + 1).fill(0);
  let lo = 0;
  let hi = 0;
  for (const start of windowStarts(minute, n, BURST_WINDOW_MINUTES)) {
    while (lo < n && minute[lo]! < start) lo++;
    while (hi < n && minute[hi]! < start + BURST_WINDOW_MINUTES) hi++;
    const burst = before[hi]! - before[lo]!;
    if (burst >= BURST_MIN_PLAYS && burst >= BURST_MIN_SHARE * (hi - lo)) {
      cover[lo]!++;
      cover[hi]!--;
    }
  }
  const positions: number[] = [];
  for (let i = 0, depth = 0; i < n; i++) {
    depth += cover[i]!;
    if (depth > 0 && inBurst(i)) positions.push(i);
  }
  runs(positions, new Uint8Array(positions.length).fill(1), minute, BURST_WINDOW_MINUTES, (members) => {
    for (const p of members) flags[p]! |= FLAG_BURST;
    catches.push(catchOf('burst', null, null, minute, members));
  });
}

/**
 * SPIKE_MIN_PLAYS plays within 60 consecutive minutes, SPIKE_MIN_SHARE of
 * them from one country, which brings under SPIKE_MAX_USUAL_SHARE of the
 * export's other plays (of which there are at least SPIKE_MIN_OTHER_PLAYS):
 * that country's plays in those minutes.
 */
function flagCountrySpikes(t: ExportTimeline, minute: Float64Array, flags: Uint8Array, catches: FlagCatch[]): void {
  const n = t.length;
  if (n < SPIKE_MIN_PLAYS + SPIKE_MIN_OTHER_PLAYS || !someWindowHolds(minute, n, SPIKE_WINDOW_MINUTES, SPIKE_MIN_PLAYS)) return;
  const seen: number[] = [];
  for (let i = 0; i < n; i++) if (countryTotal[t.country[i]!]!++ === 0) seen.push(t.country[i]!);
  let top = -1;
  const covered = new Map<number, Int32Array>();
  let lo = 0;
  let hi = 0;
  for (const start of windowStarts(minute, n, SPIKE_WINDOW_MINUTES)) {
    while (hi < n && minute[hi]! < start + SPIKE_WINDOW_MINUTES) {
      const c = t.country[hi++]!;
      const count = ++countryInWindow[c]!;
      if (top < 0 || count > countryInWindow[top]!) top = c;
    }
    let topLeft = false;
    while (lo < n && minute[lo]! < start) {
      const c = t.country[lo++]!;
      countryInWindow[c]!--;
      topLeft ||= c === top;
    }
    // The top country lost plays: another may lead now (the ~250 countries are few).
    if (topLeft) for (const c of seen) if (countryInWindow[c]! > countryInWindow[top]!) top = c;
    const size = hi - lo;
    const topCount = countryInWindow[top]!;
    if (size < SPIKE_MIN_PLAYS || topCount < SPIKE_MIN_SHARE * size) continue;
    const others = n - size;
    if (others < SPIKE_MIN_OTHER_PLAYS || (countryTotal[top]! - topCount) / others >= SPIKE_MAX_USUAL_SHARE) continue;
    let cover = covered.get(top);
    if (!cover) covered.set(top, (cover = new Int32Array(n + 1)));
    cover[lo]!++;
    cover[hi]!--;
  }
  for (const c of seen) countryTotal[c] = countryInWindow[c] = 0;
  for (const [country, cover] of covered) {
    const positions: number[] = [];
    for (let i = 0, depth = 0; i < n; i++) {
      depth += cover[i]!;
      if (depth > 0 && t.country[i] === country) positions.push(i);
    }
    runs(positions, new Uint8Array(positions.length).fill(1), minute, SPIKE_WINDOW_MINUTES, (members) => {
      for (const p of members) flags[p]! |= FLAG_COUNTRY_SPIKE;
      catches.push(catchOf('country-spike', null, country, minute, members));
    });
  }
}

/** Whether some window of `width` consecutive minutes holds at least `min` plays (a cheap test before the costly rule). */
function someWindowHolds(minute: Float64Array, n: number, width: number, min: number): boolean {
  for (let i = 0, j = 0; i + min <= n; i++) {
    while (j < n && minute[j]! < minute[i]! + width) j++;
    if (j - i >= min) return true;
  }
  return false;
}

/** Rules about a listener's plays of the export as a whole: only ever this export; every play ending exactly at the end. */
function flagListeners(
  minute: Float64Array,
  lid: Int32Array,
  plays: Int32Array,
  exactEnds: Int32Array,
  context: FlagContext,
  flags: Uint8Array,
  catches: FlagCatch[],
): void {
  const onlyThis = new Uint8Array(plays.length);
  const exact = new Uint8Array(plays.length);
  for (let id = 0; id < plays.length; id++) {
    if (context.playedElsewhere && plays[id]! >= ONLY_THIS_MIN_PLAYS && !context.playedElsewhere(ids.keys[id]!)) onlyThis[id] = 1;
    if (plays[id]! >= EXACT_END_MIN_PLAYS && exactEnds[id] === plays[id]) exact[id] = 1;
  }
  for (const [rule, bit, caught] of [
    ['only-this-export', FLAG_ONLY_THIS, onlyThis],
    ['exact-end', FLAG_EXACT_END, exact],
  ] as const) {
    if (!caught.includes(1)) continue;
    for (const [id, members] of playsByListener(lid, plays, (id) => caught[id] === 1)) {
      for (const p of members) flags[p]! |= bit;
      catches.push(catchOf(rule, ids.keys[id]!, null, minute, members));
    }
  }
}

/** Marks a play FLAG_DISPUTED when every rule that caught it is disputed for it; a catch is disputed when all its plays are. */
function applyDisputes(listeners: Float64Array, minute: Float64Array, disputes: readonly FlagDispute[], flags: Uint8Array, catches: FlagCatch[]): void {
  if (!disputes.length) return;
  const covers = (d: FlagDispute, i: number) => (d.listener === null || d.listener === listeners[i]) && minute[i]! >= d.fromMinute && minute[i]! <= d.toMinute;
  for (let i = 0; i < flags.length; i++) {
    const rules = flags[i]!;
    if (!rules) continue;
    let undisputed = rules;
    for (const d of disputes) if (rules & bitOf[d.rule] && covers(d, i)) undisputed &= ~bitOf[d.rule];
    if (!undisputed) flags[i] = rules | FLAG_DISPUTED;
  }
  for (const c of catches)
    c.disputed = disputes.some(
      (d) => d.rule === c.rule && (d.listener === null || d.listener === c.listener) && d.fromMinute <= c.fromMinute && d.toMinute >= c.toMinute,
    );
}

/** Calls `found` with each run of marked positions, a run ending where the next marked play is `gap` minutes or more later. */
function runs(positions: readonly number[], marked: Uint8Array, minute: Float64Array, gap: number, found: (members: number[]) => void): void {
  let run: number[] = [];
  for (let k = 0; k < positions.length; k++) {
    if (!marked[k]) continue;
    const p = positions[k]!;
    if (run.length && minute[p]! - minute[run[run.length - 1]!]! >= gap) {
      found(run);
      run = [];
    }
    run.push(p);
  }
  if (run.length) found(run);
}

function catchOf(rule: FlagRuleId, listener: number | null, country: number | null, minute: Float64Array, members: readonly number[]): FlagCatch {
  return { rule, listener, country, fromMinute: minute[members[0]!]!, toMinute: minute[members[members.length - 1]!]!, plays: members.length, disputed: false };
}
