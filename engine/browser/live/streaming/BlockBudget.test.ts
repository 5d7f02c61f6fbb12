import { describe, expect, it } from 'vitest';
import { BlockBudget, type BlockHolder } from './BlockBudget';

class Holder implements BlockHolder {
  readonly held = new Set<number>();
  load(budget: BlockBudget, block: number): void {
    this.held.add(block);
    budget.touch(this, block);
  }
  evict(block: number): void {
    this.held.delete(block);
  }
}

describe('BlockBudget', () => {
  it('evicts the least recently used block beyond its size', () => {
    const budget = new BlockBudget(3);
    const a = new Holder();
    const b = new Holder();
    a.load(budget, 0);
    a.load(budget, 1);
    b.load(budget, 0);
    budget.touch(a, 0); // a:0 used again: a:1 is now the oldest
    b.load(budget, 1);
    expect([...a.held].sort()).toEqual([0]);
    expect([...b.held].sort()).toEqual([0, 1]);
    expect(budget.size).toBe(3);
  });
});
