/** The union of a sorted, distinct key array and any keys (sorted, deduplicated). */
export function mergeSortedKeys(sorted: Float64Array, added: Float64Array): Float64Array {
  if (!added.length) return sorted;
  const fresh = added.slice().sort();
  const out = new Float64Array(sorted.length + fresh.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < sorted.length || j < fresh.length) {
    const next = j >= fresh.length || (i < sorted.length && sorted[i]! <= fresh[j]!) ? sorted[i++]! : fresh[j++]!;
    if (n === 0 || out[n - 1] !== next) out[n++] = next;
  }
  return out.slice(0, n);
}
