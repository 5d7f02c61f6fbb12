/**
 * A listener id's digest as a 53-bit integer (two 32-bit FNV-1a/Murmur-style
 * mixes): what readers compute per play, cheaply and without strings. It is
 * not what is stored — the store keeps a keyed hash of it
 * (store/ListenerKeys), so a list of candidate ids cannot be checked against
 * the database. Collisions: ~1 in 10⁵ for a million listeners of one export.
 */
export function listenerKey(id: string): number {
  const codes = new Uint16Array(id.length);
  for (let i = 0; i < id.length; i++) codes[i] = id.charCodeAt(i);
  return listenerKeyOfCodes(codes, 0, codes.length);
}

/**
 * listenerKey of an id given as its UTF-16 code units `codes[from … to)` —
 * or as bytes, for an ASCII id read straight from a file (the same numbers).
 */
export function listenerKeyOfCodes(codes: ArrayLike<number>, from: number, to: number): number {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = from; i < to; i++) {
    const c = codes[i]!;
    a = Math.imul(a ^ c, 16777619);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  b = Math.imul(b ^ (b >>> 13), 0xc2b2ae35);
  b ^= b >>> 16;
  return (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff);
}
