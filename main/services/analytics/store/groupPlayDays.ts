import { DAY_MS } from '../../../../shared/analytics/playDefinitions';
import type { MatchedPlays } from './MatchedPlays';

/** One export's plays grouped by UTC day: days ascending, plays within a day in the order read. */
export interface DayGroups {
  readonly count: number;
  readonly day: Float64Array;
  /** Day g's plays are order[start[g]] … order[start[g + 1] - 1]. */
  readonly start: Int32Array;
  readonly order: Int32Array;
}

/** Spans up to this many days (~27 years) index days through an array. */
const DENSE_DAYS = 10_000;

/** Groups one export's plays by UTC day with a counting sort (no per-play objects). */
export function groupPlayDays(plays: MatchedPlays): DayGroups {
  const n = plays.length;
  const groupOf = new Int32Array(n);
  const days: number[] = [];
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < n; i++) {
    const day = Math.floor(plays.playedAt(i) / DAY_MS);
    groupOf[i] = day;
    if (day < first) first = day;
    if (day > last) last = day;
  }
  if (last - first < DENSE_DAYS) {
    // Days looked up in an array over the span (a log covers weeks or months), not a Map per play.
    const groupAt = new Int32Array(last - first + 1).fill(-1);
    for (let i = 0; i < n; i++) {
      const at = groupOf[i]! - first;
      let g = groupAt[at]!;
      if (g < 0) {
        groupAt[at] = g = days.length;
        days.push(at + first);
      }
      groupOf[i] = g;
    }
  } else {
    const groupOfDay = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const day = groupOf[i]!;
      let g = groupOfDay.get(day);
      if (g === undefined) {
        groupOfDay.set(day, (g = days.length));
        days.push(day);
      }
      groupOf[i] = g;
    }
  }
  const ranked = days.map((_, g) => g).sort((a, b) => days[a]! - days[b]!);
  const rankOf = new Int32Array(days.length);
  ranked.forEach((g, rank) => (rankOf[g] = rank));
  const start = new Int32Array(days.length + 1);
  for (let i = 0; i < n; i++) start[rankOf[groupOf[i]!]! + 1]!++;
  for (let r = 0; r < days.length; r++) start[r + 1]! += start[r]!;
  const next = start.slice(0, days.length);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[next[rankOf[groupOf[i]!]!]!++] = i;
  return { count: days.length, day: Float64Array.from(ranked, (g) => days[g]!), start, order };
}
