import { mixKey } from './ListenerIds';

const SEVERAL = -1;
const EMPTY = -2;

/**
 * Every listener of the library and the one export they played, or
 * "several" — what the only-this-export rule asks. Kept as one stored row
 * (keys and export numbers) and held in an open-addressing table while an
 * import runs.
 *
 * @example
 * const index = ListenerIndex.from(write.listenerExports());
 * index.add(listener, seq); // the exports whose listener now plays elsewhere too, to judge again
 */
export class ListenerIndex {
  /** Key and export number side by side per slot (one cache line per lookup); an empty slot's export is EMPTY. */
  private table: Float64Array;
  private size = 0;

  private constructor(capacity: number) {
    this.table = emptyTable(2 ** Math.ceil(Math.log2(Math.max(1024, capacity * 2))));
  }

  static from(stored: { keys: Float64Array; seqs: Int32Array }): ListenerIndex {
    const index = new ListenerIndex(stored.keys.length);
    for (let i = 0; i < stored.keys.length; i++) index.put(stored.keys[i]!, stored.seqs[i]!);
    return index;
  }

  /**
   * Records that `listener` played export `seq`. Returns the export they
   * had played alone until now when that changes (that export's
   * only-this-export flags may lift), else −1.
   */
  add(listener: number, seq: number): number {
    const at = 2 * this.slot(listener);
    const held = this.table[at + 1]!;
    if (held === EMPTY) {
      this.table[at] = listener;
      this.table[at + 1] = seq;
      if (++this.size * 4 > this.table.length) this.grow();
      return -1;
    }
    if (held === seq || held === SEVERAL) return -1;
    this.table[at + 1] = SEVERAL;
    return held;
  }

  /** Whether the listener played an export other than `seq`. */
  playedElsewhere(listener: number, seq: number): boolean {
    const held = this.table[2 * this.slot(listener) + 1]!;
    return held !== EMPTY && held !== seq;
  }

  /** The index as stored: keys and their export (−1: several). */
  toStored(): { keys: Float64Array; seqs: Int32Array } {
    const keys = new Float64Array(this.size);
    const seqs = new Int32Array(this.size);
    let n = 0;
    for (let at = 0; at < this.table.length; at += 2) {
      if (this.table[at + 1] === EMPTY) continue;
      keys[n] = this.table[at]!;
      seqs[n++] = this.table[at + 1]!;
    }
    return { keys, seqs };
  }

  private put(listener: number, seq: number): void {
    const at = 2 * this.slot(listener);
    if (this.table[at + 1] === EMPTY) this.size++;
    this.table[at] = listener;
    this.table[at + 1] = seq;
  }

  private slot(listener: number): number {
    const table = this.table;
    const mask = (table.length >> 1) - 1;
    let slot = mixKey(listener) & mask;
    while (table[2 * slot + 1] !== EMPTY && table[2 * slot] !== listener) slot = (slot + 1) & mask;
    return slot;
  }

  private grow(): void {
    const old = this.table;
    this.table = emptyTable(old.length);
    this.size = 0;
    for (let at = 0; at < old.length; at += 2) if (old[at + 1] !== EMPTY) this.put(old[at]!, old[at + 1]!);
  }
}

/** A table of `slots` empty slots. */
function emptyTable(slots: number): Float64Array {
  const table = new Float64Array(2 * slots);
  for (let at = 1; at < table.length; at += 2) table[at] = EMPTY;
  return table;
}
