/**
 * Counts per (group, key) pair — e.g. (export and day, listener) — in an
 * open-addressing table of typed arrays: millions of pairs without an
 * object or a nested Map each, which is what made flagging slow.
 */
export class PairCounts {
  private groups: Float64Array;
  private keys: Float64Array;
  private counts: Int32Array;
  private used = 0;

  constructor(expected = 1024) {
    const size = 2 ** Math.ceil(Math.log2(Math.max(16, expected * 2)));
    this.groups = new Float64Array(size).fill(-1);
    this.keys = new Float64Array(size);
    this.counts = new Int32Array(size);
  }

  add(group: number, key: number, n = 1): void {
    const slot = this.slot(group, key);
    if (this.groups[slot] === -1) {
      this.groups[slot] = group;
      this.keys[slot] = key;
      if (++this.used * 2 > this.groups.length) {
        this.counts[slot] = n;
        this.grow();
        return;
      }
    }
    this.counts[slot]! += n;
  }

  set(group: number, key: number, n: number): void {
    const slot = this.slot(group, key);
    if (this.groups[slot] === -1) {
      this.add(group, key, n);
      return;
    }
    this.counts[slot] = n;
  }

  get(group: number, key: number): number {
    const slot = this.slot(group, key);
    return this.groups[slot] === -1 ? 0 : this.counts[slot]!;
  }

  /** Every pair with its count. */
  *entries(): Generator<[group: number, key: number, count: number]> {
    for (let i = 0; i < this.groups.length; i++) if (this.groups[i] !== -1) yield [this.groups[i]!, this.keys[i]!, this.counts[i]!];
  }

  private slot(group: number, key: number): number {
    const mask = this.groups.length - 1;
    // Mix both halves of the (up to 53-bit) numbers; linear probing from there.
    let h = Math.imul((group | 0) ^ ((group / 4294967296) | 0), 0x9e3779b1) ^ Math.imul((key | 0) ^ ((key / 4294967296) | 0), 0x85ebca6b);
    h ^= h >>> 15;
    let slot = h & mask;
    while (this.groups[slot] !== -1 && (this.groups[slot] !== group || this.keys[slot] !== key)) slot = (slot + 1) & mask;
    return slot;
  }

  private grow(): void {
    const { groups, keys, counts } = this;
    this.groups = new Float64Array(groups.length * 2).fill(-1);
    this.keys = new Float64Array(groups.length * 2);
    this.counts = new Int32Array(groups.length * 2);
    for (let i = 0; i < groups.length; i++) {
      if (groups[i] === -1) continue;
      const slot = this.slot(groups[i]!, keys[i]!);
      this.groups[slot] = groups[i]!;
      this.keys[slot] = keys[i]!;
      this.counts[slot] = counts[i]!;
    }
  }
}
