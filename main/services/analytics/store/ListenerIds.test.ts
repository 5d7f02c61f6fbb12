import fc from 'fast-check';
import { expect, it } from 'vitest';
import { ListenerIds } from './ListenerIds';

it('numbers each key once, in the order first seen, across resets and growth', () => {
  const ids = new ListenerIds();
  fc.assert(
    fc.property(
      fc.array(fc.array(fc.oneof(fc.integer({ min: 0, max: 40 }), fc.constantFrom(2 ** 53 - 1, 2 ** 32, 2 ** 32 + 1, 4294967295)), { maxLength: 300 }), {
        maxLength: 4,
      }),
      (rounds) => {
        for (const keys of rounds) {
          ids.reset(keys.length);
          const expected = new Map<number, number>();
          for (const key of keys) {
            if (!expected.has(key)) expected.set(key, expected.size);
            expect(ids.id(key)).toBe(expected.get(key));
          }
          expect([...ids.keys.subarray(0, ids.size)]).toEqual([...expected.keys()]);
          for (const [key, id] of expected) expect(ids.find(key)).toBe(id);
          expect(ids.find(-1)).toBe(-1);
        }
      },
    ),
  );
});
