import type { AnalyticsReadQueries } from '../../../db/analytics/analyticsReadQueries';
import { ListenerIds } from '../store/ListenerIds';

/**
 * Distinct listeners across a pool of exports (the similar exports), not
 * the sum of each export's: a listener of three of them is one listener.
 * Counting reads every pooled export's listener keys, so results are kept
 * until the database changes: an import or dispute here (`clear`), or a
 * commit by another connection or process (the database's data version).
 */
export class PooledListeners {
  private readonly ids = new ListenerIds();
  private readonly cache = new Map<string, number>();
  private version = -1;

  constructor(private readonly reads: AnalyticsReadQueries) {}

  /** Distinct listeners of the exports (by seq) with plays in the view (`counted`: only plays that count). */
  count(seqs: readonly number[], counted: boolean): number {
    const version = this.reads.dataVersion();
    if (version !== this.version) {
      this.cache.clear();
      this.version = version;
    }
    const key = `${counted ? 'c' : 'a'}:${[...seqs].sort((a, b) => a - b).join(',')}`;
    const known = this.cache.get(key);
    if (known !== undefined) return known;
    const sets = seqs.map((seq) => this.reads.listenerKeys(seq)).filter((s) => s !== null);
    this.ids.reset(sets.reduce((sum, s) => sum + s.keys.length, 0));
    for (const { keys, counted: plays } of sets) for (let i = 0; i < keys.length; i++) if (!counted || plays[i]! > 0) this.ids.id(keys[i]!);
    this.cache.set(key, this.ids.size);
    return this.ids.size;
  }

  clear(): void {
    this.cache.clear();
  }
}
