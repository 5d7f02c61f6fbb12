import { describe, expect, it } from 'vitest';
import { progressShare } from './progressShare';

describe('progressShare', () => {
  it.each([
    [0, 0, undefined],
    [5, 0, undefined],
    [0, 1, undefined],
    [1, 1, 1],
    [0, 4, 0],
    [1, 4, 0.25],
    [5, 4, 1],
    [-1, 4, 0],
    [Number.NaN, 4, undefined],
    [250_000, 1_000_000, 0.25],
  ])('%d of %d → %s', (done, total, share) => {
    expect(progressShare(done, total)).toBe(share);
  });
});
