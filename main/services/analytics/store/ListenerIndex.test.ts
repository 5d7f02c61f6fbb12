import fc from 'fast-check';
import { expect, it } from 'vitest';
import { ListenerIndex } from './ListenerIndex';

it('knows for every listener the one export they played, or that they played several, across growth and a round trip through storage', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 4 })), { maxLength: 3000 }), (pairs) => {
      const index = ListenerIndex.from({ keys: new Float64Array(0), seqs: new Int32Array(0) });
      const expected = new Map<number, number>();
      for (const [listener, seq] of pairs) {
        const before = expected.get(listener);
        const changed = index.add(listener * 2 ** 20 + 7, seq);
        expect(changed).toBe(before !== undefined && before !== -1 && before !== seq ? before : -1);
        expected.set(listener, before === undefined ? seq : before === seq ? seq : -1);
      }
      const again = ListenerIndex.from(index.toStored());
      for (const [listener, seq] of expected) {
        for (const probe of [1, 2, 3, 4]) expect(again.playedElsewhere(listener * 2 ** 20 + 7, probe)).toBe(seq !== probe);
      }
      expect(again.playedElsewhere(-5, 1)).toBe(false);
      expect(index.toStored().keys).toHaveLength(expected.size);
    }),
    { numRuns: 50 },
  );
});
