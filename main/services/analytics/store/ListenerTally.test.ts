import fc from 'fast-check';
import { expect, it } from 'vitest';
import { ListenerTally } from './ListenerTally';

it('counts each key and lists the distinct keys in the order first seen, across resets and growth', () => {
  const tally = new ListenerTally();
  fc.assert(
    fc.property(fc.array(fc.array(fc.oneof(fc.integer({ min: 0, max: 40 }), fc.constantFrom(2 ** 53 - 1, 2 ** 32, 2 ** 32 + 1, 4294967295)), { maxLength: 300 }), { maxLength: 4 }), (rounds) => {
      for (const keys of rounds) {
        tally.reset(keys.length);
        const counts = new Map<number, number>();
        for (const key of keys) {
          counts.set(key, (counts.get(key) ?? 0) + 1);
          expect(tally.add(key)).toBe(counts.get(key));
        }
        expect([...tally.distinct.subarray(0, tally.size)]).toEqual([...counts.keys()]);
        for (const [key, count] of counts) expect(tally.count(key)).toBe(count);
        expect(tally.count(-1)).toBe(0);
      }
    }),
  );
});
