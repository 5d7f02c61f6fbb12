/**
 * The share of work done a progress bar shows, or undefined when it cannot
 * say: no total yet, or a step reported as "0 of 1" (a single step that has
 * started and whose progress is not measured, such as encoding).
 *
 * @example progressShare(3, 4) // 0.75
 * @example progressShare(0, 1) // undefined: indeterminate
 * @example progressShare(1, 1) // 1
 */
export function progressShare(done: number, total: number): number | undefined {
  if (!(total > 0) || !Number.isFinite(done)) return undefined;
  if (total === 1 && done === 0) return undefined;
  return Math.min(1, Math.max(0, done / total));
}
