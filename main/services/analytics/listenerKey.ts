/**
 * A listener id as a 53-bit integer (two 32-bit FNV-1a/Murmur-style mixes):
 * compact to store and index, and the pseudonymous id itself never reaches
 * the database. Collisions: ~1 in 10⁵ for a million listeners of one export.
 */
export function listenerKey(id: string): number {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    a = Math.imul(a ^ c, 16777619);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  b = Math.imul(b ^ (b >>> 13), 0xc2b2ae35);
  b ^= b >>> 16;
  return (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff);
}
