import { DAY_MS } from '../../../shared/analytics/playDefinitions';
import type { MatchedPlays } from './MatchedPlays';

/** One export's plays grouped by UTC day: days ascending, plays within a day in the order read. */
export interface DayGroups {
  readonly count: number;
  readonly day: Float64Array;
  /** Day g's plays are order[start[g]] … order[start[g + 1] - 1]. */
  readonly start: Int32Array;
  readonly order: Int32Array;
}

/** Groups one export's plays by UTC day with a counting sort (no per-play objects). */
export function groupPlayDays(plays: MatchedPlays): DayGroups {
  const n = plays.length;
  const groupOf = new Int32Array(n);
  const groupOfDay = new Map<number, number>();
  const days: number[] = [];
  for (let i = 0; i < n; i++) {
    const day = Math.floor(plays.playedAt(i) / DAY_MS);
    let g = groupOfDay.get(day);
    if (g === undefined) {
      groupOfDay.set(day, (g = days.length));
      days.push(day);
    }
    groupOf[i] = g;
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
