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
  private slotKeys: Float64Array;
  private slotSeqs: Int32Array;
  private size = 0;

  private constructor(capacity: number) {
    const slots = 2 ** Math.ceil(Math.log2(Math.max(1024, capacity * 2)));
    this.slotKeys = new Float64Array(slots);
    this.slotSeqs = new Int32Array(slots).fill(EMPTY);
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
    const slot = this.slot(listener);
    const held = this.slotSeqs[slot]!;
    if (held === EMPTY) {
      this.slotKeys[slot] = listener;
      this.slotSeqs[slot] = seq;
      if (++this.size * 2 > this.slotKeys.length) this.grow();
      return -1;
    }
    if (held === seq || held === SEVERAL) return -1;
    this.slotSeqs[slot] = SEVERAL;
    return held;
  }

  /** Whether the listener played an export other than `seq`. */
  playedElsewhere(listener: number, seq: number): boolean {
    const held = this.slotSeqs[this.slot(listener)]!;
    return held !== EMPTY && held !== seq;
  }

  /** The index as stored: keys and their export (−1: several). */
  toStored(): { keys: Float64Array; seqs: Int32Array } {
    const keys = new Float64Array(this.size);
    const seqs = new Int32Array(this.size);
    let n = 0;
    for (let s = 0; s < this.slotSeqs.length; s++) {
      if (this.slotSeqs[s] === EMPTY) continue;
      keys[n] = this.slotKeys[s]!;
      seqs[n++] = this.slotSeqs[s]!;
    }
    return { keys, seqs };
  }

  private put(listener: number, seq: number): void {
    const slot = this.slot(listener);
    if (this.slotSeqs[slot] === EMPTY) this.size++;
    this.slotKeys[slot] = listener;
    this.slotSeqs[slot] = seq;
  }

  private slot(listener: number): number {
    const mask = this.slotKeys.length - 1;
    let slot = mixKey(listener) & mask;
    while (this.slotSeqs[slot] !== EMPTY && this.slotKeys[slot] !== listener) slot = (slot + 1) & mask;
    return slot;
  }

  private grow(): void {
    const { slotKeys, slotSeqs } = this;
    this.slotKeys = new Float64Array(slotKeys.length * 2);
    this.slotSeqs = new Int32Array(slotKeys.length * 2).fill(EMPTY);
    this.size = 0;
    for (let s = 0; s < slotKeys.length; s++) if (slotSeqs[s] !== EMPTY) this.put(slotKeys[s]!, slotSeqs[s]!);
  }
}
