import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { largestRemainder } from './largestRemainder';

describe('largestRemainder', () => {
  it('splits three equal writers 3334/3333/3333, the first taking the spare point', () => {
    expect(largestRemainder([1, 1, 1])).toEqual([3334, 3333, 3333]);
  });

  it('gives the spare points to the largest remainders', () => {
    // exact: 1666.67, 3333.33, 5000 → 1667, 3333, 5000
    expect(largestRemainder([1, 2, 3])).toEqual([1667, 3333, 5000]);
  });

  it('always sums to exactly the total, never goes negative, and keeps zero weights at zero', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 30 }), (weights) => {
        fc.pre(weights.some((w) => w > 0));
        const parts = largestRemainder(weights);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(10_000);
        parts.forEach((p, i) => {
          expect(Number.isInteger(p)).toBe(true);
          expect(p).toBeGreaterThanOrEqual(0);
          if (weights[i] === 0) expect(p).toBe(0);
          expect(Math.abs(p - (weights[i]! / weights.reduce((a, b) => a + b, 0)) * 10_000)).toBeLessThan(1);
        });
      }),
    );
  });

  it('refuses all-zero weights', () => {
    expect(() => largestRemainder([0, 0])).toThrow(/every weight is zero/);
  });
});
