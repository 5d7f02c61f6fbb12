/**
 * Apportions `total` whole units (basis points) among weights so the parts
 * sum to exactly `total`: each gets the floor of its exact share, and the
 * units left over go to the largest fractional remainders (ties: the
 * earlier entry). Deterministic; a zero weight gets zero.
 */
export function largestRemainder(weights: readonly number[], total = 10_000): number[] {
  if (weights.some((w) => !(w >= 0) || !Number.isFinite(w))) throw new Error('weights must be finite and non-negative');
  const sum = weights.reduce((a, b) => a + b, 0);
  if (weights.length === 0) return [];
  if (sum === 0) throw new Error('cannot apportion: every weight is zero');
  const exact = weights.map((w) => (w / sum) * total);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((value, index) => ({ index, remainder: value - Math.floor(value) })).sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of order) {
    if (left <= 0) break;
    if (weights[index]! === 0) continue;
    parts[index]! += 1;
    left--;
  }
  return parts;
}
