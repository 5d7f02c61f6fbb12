import fc from 'fast-check';
import { expect, it } from 'vitest';
import { PairCounts } from './PairCounts';

it('counts like a map of pairs, through growth, for 53-bit keys', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 2 ** 30 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.integer({ min: 1, max: 5 })), { maxLength: 300 }), (adds) => {
      const table = new PairCounts(4);
      const reference = new Map<string, number>();
      for (const [group, key, n] of adds) {
        table.add(group, key, n);
        reference.set(`${group}|${key}`, (reference.get(`${group}|${key}`) ?? 0) + n);
      }
      for (const [group, key] of adds) expect(table.get(group, key)).toBe(reference.get(`${group}|${key}`));
      expect([...table.entries()].length).toBe(reference.size);
      expect(table.get(7, 7.5)).toBe(reference.get('7|7.5') ?? 0);
    }),
  );
});

it('set overwrites a count and adds a missing pair', () => {
  const table = new PairCounts();
  table.add(1, 2);
  table.set(1, 2, 40);
  table.set(3, 4, 5);
  expect([table.get(1, 2), table.get(3, 4), table.get(5, 6)]).toEqual([40, 5, 0]);
});
