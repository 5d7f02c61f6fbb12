import { mixKey } from './ListenerIds';

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74,
  0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d,
  0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e,
  0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5,
  0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const INITIAL = new Int32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
const w = new Int32Array(64);

/** One SHA-256 compression of the 16-word block `block` into `state` (FIPS 180-4, §6.2.2). */
function compress(state: Int32Array, block: Int32Array): void {
  for (let t = 0; t < 16; t++) w[t] = block[t]!;
  for (let t = 16; t < 64; t++) {
    const a = w[t - 15]!;
    const b = w[t - 2]!;
    const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
    const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
    w[t] = (w[t - 16]! + s0 + w[t - 7]! + s1) | 0;
  }
  let a = state[0]!, b = state[1]!, c = state[2]!, d = state[3]!, e = state[4]!, f = state[5]!, g = state[6]!, h = state[7]!; // prettier-ignore
  for (let t = 0; t < 64; t++) {
    const s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + s1 + ((e & f) ^ (~e & g)) + K[t]! + w[t]!) | 0;
    const s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (s0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  state[0] = (state[0]! + a) | 0;
  state[1] = (state[1]! + b) | 0;
  state[2] = (state[2]! + c) | 0;
  state[3] = (state[3]! + d) | 0;
  state[4] = (state[4]! + e) | 0;
  state[5] = (state[5]! + f) | 0;
  state[6] = (state[6]! + g) | 0;
  state[7] = (state[7]! + h) | 0;
}

/** The SHA-256 state after one 64-byte block of `key` XOR `pad` (HMAC's inner or outer key block). */
function padState(key: Uint8Array, pad: number): Int32Array {
  const block = new Int32Array(16);
  for (let i = 0; i < 64; i++) block[i >> 2] = block[i >> 2]! | (((key[i] ?? 0) ^ pad) << (24 - 8 * (i & 3)));
  const state = INITIAL.slice();
  compress(state, block);
  return state;
}

const SLOTS_MIN = 1 << 12;

/**
 * Listener keys as stored: the first 53 bits of HMAC-SHA256(library
 * secret, the id's 53-bit digest as 8 big-endian bytes). The digest
 * (listenerKey) is how readers name listeners cheaply without strings; the
 * keyed hash is what reaches the database, so a list of candidate ids
 * cannot be checked against it without the secret, which lives in the
 * library, not the analytics database.
 *
 * HMAC is computed here, in plain arithmetic, from key blocks hashed once
 * (two compressions per listener instead of a native call each), and each
 * digest is hashed once per import: a table remembers what it gave.
 *
 * @example
 * const keys = new ListenerKeys(secret);
 * keys.of(listenerKey('fan-812')); // the same number for every play of fan-812, and a different one under another secret
 */
export class ListenerKeys {
  private readonly inner: Int32Array;
  private readonly outer: Int32Array;
  private readonly block = new Int32Array(16);
  private readonly state = new Int32Array(8);
  /** Digest and key side by side per slot (one cache line per lookup); an empty slot holds −1. */
  private table = new Float64Array(2 * SLOTS_MIN).fill(-1);
  private size = 0;

  constructor(secret: Uint8Array) {
    if (secret.length < 16 || secret.length > 64) throw new Error('a listener secret is 16 to 64 bytes');
    this.inner = padState(secret, 0x36);
    this.outer = padState(secret, 0x5c);
  }

  /** The stored key of a listener digest (from listenerKey), hashed once per import. */
  of(digest: number): number {
    const table = this.table;
    const mask = (table.length >> 1) - 1;
    let slot = mixKey(digest) & mask;
    for (;;) {
      const held = table[2 * slot]!;
      if (held === digest) return table[2 * slot + 1]!;
      if (held === -1) break;
      slot = (slot + 1) & mask;
    }
    const key = this.hmac(digest);
    table[2 * slot] = digest;
    table[2 * slot + 1] = key;
    if (++this.size * 4 > table.length) this.grow();
    return key;
  }

  /** First 53 bits of HMAC-SHA256(secret, digest as 8 big-endian bytes), computed every time. */
  hmac(digest: number): number {
    const high = Math.floor(digest / 4294967296);
    const state = this.state;
    const block = this.block;
    // Inner hash: the inner key block is done; this block is the 8-byte message, padding, and the bit length (64 + 8) × 8.
    state.set(this.inner);
    block.fill(0);
    block[0] = high | 0;
    block[1] = digest >>> 0;
    block[2] = 0x80000000;
    block[15] = (64 + 8) * 8;
    compress(state, block);
    // Outer hash over the 32-byte inner digest: bit length (64 + 32) × 8.
    block.fill(0);
    block.set(state);
    block[8] = 0x80000000;
    block[15] = (64 + 32) * 8;
    state.set(this.outer);
    compress(state, block);
    return (state[0]! >>> 0) * 2097152 + (state[1]! >>> 11);
  }

  private grow(): void {
    const old = this.table;
    const table = (this.table = new Float64Array(old.length * 2).fill(-1));
    const mask = (table.length >> 1) - 1;
    for (let i = 0; i < old.length; i += 2) {
      if (old[i] === -1) continue;
      let slot = mixKey(old[i]!) & mask;
      while (table[2 * slot] !== -1) slot = (slot + 1) & mask;
      table[2 * slot] = old[i]!;
      table[2 * slot + 1] = old[i + 1]!;
    }
  }
}
