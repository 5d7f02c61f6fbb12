import { expect, it } from 'vitest';
import { pairwiseHalves } from './pairwiseHalves';

/** The tree pairwiseSum builds, as nested pairs of input indices. */
function tree(count: number): unknown {
  let level: unknown[] = Array.from({ length: count }, (_, i) => i);
  while (level.length > 1) {
    const next: unknown[] = [];
    for (let i = 0; i < level.length; i += 2) next.push(i + 1 < level.length ? [level[i], level[i + 1]] : level[i]);
    level = next;
  }
  return level[0];
}

it.each([2, 3, 4, 5, 6, 7, 8, 9, 13, 16, 17, 31])('for %i inputs, the halves are the two subtrees under the root', (count) => {
  const [left, right] = pairwiseHalves(count);
  const rightTree = tree(right) as unknown;
  const shift = (t: unknown): unknown => (Array.isArray(t) ? t.map(shift) : (t as number) + left);
  expect(tree(count)).toEqual([tree(left), shift(rightTree)]);
});

it('one input is not split', () => {
  expect(pairwiseHalves(1)).toEqual([1, 0]);
});
