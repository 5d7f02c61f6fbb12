/**
 * Dense numbers 0, 1, 2… for listener keys (53-bit integers), in the order
 * first seen: callers keep per-listener counts in plain typed arrays
 * indexed by them. An open-addressing table of typed arrays, reused from
 * one export to the next: `reset` starts afresh without clearing (slots
 * carry the generation that filled them).
 *
 * @example
 * ids.reset(plays.length);
 * for (let i = 0; i < plays.length; i++) counts[ids.id(plays.listener(i))]++;
 */
export class ListenerIds {
  private slotKeys = new Float64Array(0);
  private slotIds = new Int32Array(0);
  private stamps = new Int32Array(0);
  private generation = 0;
  /** The keys numbered since the last reset: keys[id]. */
  keys = new Float64Array(0);
  size = 0;

  /** Starts afresh for up to `capacity` distinct keys. */
  reset(capacity: number): void {
    const slots = 2 ** Math.ceil(Math.log2(Math.max(16, capacity * 2)));
    if (slots > this.slotKeys.length) {
      this.slotKeys = new Float64Array(slots);
      this.slotIds = new Int32Array(slots);
      this.stamps = new Int32Array(slots);
      this.generation = 0;
    }
    if (capacity > this.keys.length) this.keys = new Float64Array(capacity);
    this.generation++;
    this.size = 0;
  }

  /** The key's number, given the next one when new. */
  id(key: number): number {
    const slot = this.slot(key);
    if (this.stamps[slot] === this.generation) return this.slotIds[slot]!;
    this.stamps[slot] = this.generation;
    this.slotKeys[slot] = key;
    this.keys[this.size] = key;
    return (this.slotIds[slot] = this.size++);
  }

  /** The key's number, or −1 when it has none. */
  find(key: number): number {
    const slot = this.slot(key);
    return this.stamps[slot] === this.generation ? this.slotIds[slot]! : -1;
  }

  private slot(key: number): number {
    const mask = this.slotKeys.length - 1;
    let slot = mixKey(key) & mask;
    while (this.stamps[slot] === this.generation && this.slotKeys[slot] !== key) slot = (slot + 1) & mask;
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
