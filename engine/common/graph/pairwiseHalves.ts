/**
 * The two subtrees under the root of `pairwiseSum`'s tree over `count`
 * inputs: the first 2^(⌈log₂ count⌉ − 1) inputs, and the rest. Summing
 * each half with `pairwiseSum` and then adding the two halves gives the
 * same additions in the same order as summing everything at once, so
 * halves rendered apart (in parallel) add up bit-identically.
 */
export function pairwiseHalves(count: number): [left: number, right: number] {
  if (count < 2) return [count, 0];
  const left = 2 ** (Math.ceil(Math.log2(count)) - 1);
  return [left, count - left];
}
