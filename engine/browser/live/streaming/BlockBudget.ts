/** Something holding blocks the budget may take back. */
export interface BlockHolder {
  evict(block: number): void;
}

/**
 * How many PCM blocks all sources may hold together; the least recently
 * used go first. What streaming keeps in memory is this budget, whatever
 * the song's length or track count.
 *
 * @example
 * const budget = new BlockBudget(160); // 160 × 256 KiB = 40 MiB
 */
export class BlockBudget {
  private readonly order = new Map<string, { holder: BlockHolder; block: number }>();
  private readonly ids = new WeakMap<BlockHolder, number>();
  private nextId = 1;

  constructor(readonly maxBlocks: number) {}

  /** Marks a block as just used (and admitted); evicts the oldest beyond the budget. */
  touch(holder: BlockHolder, block: number): void {
    let id = this.ids.get(holder);
    if (id === undefined) this.ids.set(holder, (id = this.nextId++));
    const key = `${id}:${block}`;
    this.order.delete(key);
    this.order.set(key, { holder, block });
    while (this.order.size > this.maxBlocks) {
      const [oldest, entry] = this.order.entries().next().value!;
      this.order.delete(oldest);
      entry.holder.evict(entry.block);
    }
  }

  get size(): number {
    return this.order.size;
  }
}
