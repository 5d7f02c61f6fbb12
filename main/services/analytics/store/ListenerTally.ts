/**
 * Counts per listener key (53-bit integers) in an open-addressing table of
 * typed arrays, reused from one day to the next: `reset` starts a new tally
 * without clearing (slots carry the generation that filled them).
 */
export class ListenerTally {
  private keys = new Float64Array(0);
  private counts = new Int32Array(0);
  private stamps = new Int32Array(0);
  private generation = 0;
  /** Distinct keys added since the last reset, in the order first seen. */
  distinct = new Float64Array(0);
  size = 0;

  /** Starts an empty tally for up to `capacity` distinct keys. */
  reset(capacity: number): void {
    const slots = 2 ** Math.ceil(Math.log2(Math.max(16, capacity * 2)));
    if (slots > this.keys.length) {
      this.keys = new Float64Array(slots);
      this.counts = new Int32Array(slots);
      this.stamps = new Int32Array(slots);
      this.generation = 0;
    }
    if (capacity > this.distinct.length) this.distinct = new Float64Array(capacity);
    this.generation++;
    this.size = 0;
  }

  /** Counts one more for `key`; its count so far. */
  add(key: number): number {
    const slot = this.slot(key);
    if (this.stamps[slot] !== this.generation) {
      this.stamps[slot] = this.generation;
      this.keys[slot] = key;
      this.counts[slot] = 0;
      this.distinct[this.size++] = key;
    }
    return ++this.counts[slot]!;
  }

  count(key: number): number {
    const slot = this.slot(key);
    return this.stamps[slot] === this.generation ? this.counts[slot]! : 0;
  }

  private slot(key: number): number {
    const mask = this.keys.length - 1;
    let slot = mixKey(key) & mask;
    while (this.stamps[slot] === this.generation && this.keys[slot] !== key) slot = (slot + 1) & mask;
    return slot;
  }
}

/** A 32-bit hash of a (up to 53-bit) integer key, for open addressing. */
export function mixKey(key: number): number {
  let h = Math.imul((key | 0) ^ ((key / 4294967296) | 0), 0x9e3779b1);
  h ^= h >>> 15;
  h = Math.imul(h, 0x85ebca6b);
  return (h ^ (h >>> 13)) >>> 0;
}
