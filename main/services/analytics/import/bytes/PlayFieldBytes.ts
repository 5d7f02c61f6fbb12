import { END_REASONS, PLAY_SOURCES } from '../../../../../shared/analytics/playDefinitions';
import { isCountryCode } from '../../../../../shared/rights/territories';
import { listenerKeyOfCodes } from '../listenerKey';
import type { PlayLogBatch } from '../PlayLogBatch';
import { parseUtcBytes } from './parseUtcBytes';

/** The play-log fields, as indexes into a spans array (two entries each: start, end; start −1 when absent). */
export const FIELD = { export: 0, listener: 1, playedAt: 2, country: 3, source: 4, msPlayed: 5, reasonEnd: 6 } as const;
/** Field names as the play-log format spells them, in FIELD order. */
export const FIELD_NAMES = ['export_id', 'listener_id', 'played_at', 'country', 'source', 'ms_played', 'reason_end'] as const;

const MAX_MS_PLAYED = 86_400_000;
const ZZ = 90 * 256 + 90;
/** Export ids remembered (a power of two; a collision only costs a string). */
const EXPORT_SLOTS = 4096;

/** Bytes an export id (a UUID) may hold: hex digits in either case and dashes (a table: no branches per byte). */
const uuidByte = new Uint8Array(256);
for (const c of '0123456789abcdefABCDEF-') uuidByte[c.charCodeAt(0)] = 1;

/** Valid country codes by their two upper-case bytes. */
const countryTable = new Uint8Array(65536);
for (let a = 65; a <= 90; a++) for (let b = 65; b <= 90; b++) if (isCountryCode(String.fromCharCode(a, b))) countryTable[a * 256 + b] = 1;

const nameBytes = (names: readonly string[]) => names.map((n) => Buffer.from(n, 'latin1'));
const sourceNames = nameBytes(PLAY_SOURCES);
const reasonNames = nameBytes(END_REASONS);
const OTHER_SOURCE = PLAY_SOURCES.indexOf('other');
const OTHER_REASON = END_REASONS.indexOf('other');

/**
 * The fast paths' shared half: a play's fields, found as byte spans by a
 * CSV or NDJSON scanner, validated as parsePlayRecord would and pushed —
 * or refused (false) whenever a value is anything but plainly valid ASCII
 * (padding, an ISRC or audio key instead of an export id, a time written
 * another way, a bad value), and the caller reads the line as text instead.
 */
export class PlayFieldBytes {
  // Export ids seen, by a hash of their last bytes (the random part of a UUIDv7): a line's id is found
  // by comparing it with the one remembered there, and a match is valid because that one was.
  private readonly seenBytes = new Uint8Array(EXPORT_SLOTS * 36);
  private readonly seenKey = new Int32Array(EXPORT_SLOTS).fill(-1);

  /** Validates the fields' spans and pushes the play; false when any field needs the text parser. */
  push(bytes: Buffer, spans: Int32Array, batch: PlayLogBatch): boolean {
    const key = spans[0]! < 0 ? -1 : this.exportKey(bytes, spans[0]!, spans[1]!, batch);
    if (key < 0) return false;
    const listener = spans[2]! < 0 ? -1 : listenerOf(bytes, spans[2]!, spans[3]!);
    if (listener < 0) return false;
    const playedAt = spans[4]! < 0 ? null : parseUtcBytes(bytes, spans[4]!, spans[5]! - spans[4]!);
    if (playedAt === null) return false;
    const country = spans[6]! < 0 ? ZZ : countryOf(bytes, spans[6]!, spans[7]!);
    if (country < 0) return false;
    const msPlayed = spans[10]! < 0 ? -1 : wholeNumber(bytes, spans[10]!, spans[11]!);
    if (msPlayed < 0 || msPlayed > MAX_MS_PLAYED) return false;
    const source = spans[8]! < 0 ? OTHER_SOURCE : nameIndex(bytes, spans[8]!, spans[9]!, sourceNames, OTHER_SOURCE);
    const reason = spans[12]! < 0 ? OTHER_REASON : nameIndex(bytes, spans[12]!, spans[13]!, reasonNames, OTHER_REASON);
    if (source < 0 || reason < 0) return false;
    batch.push(key, listener, playedAt, country, source, msPlayed, reason);
    return true;
  }

  /** The key number of an export id (36 hex digits and dashes), or -1. */
  private exportKey(bytes: Buffer, from: number, to: number, batch: PlayLogBatch): number {
    if (to - from !== 36) return -1;
    let hash = 0x811c9dc5;
    for (let i = to - 8; i < to; i++) hash = Math.imul(hash ^ bytes[i]!, 16777619);
    const slot = (hash >>> 0) & (EXPORT_SLOTS - 1);
    const at = slot * 36;
    if (this.seenKey[slot]! >= 0) {
      let i = 0;
      while (i < 36 && this.seenBytes[at + i] === bytes[from + i]) i++;
      if (i === 36) return this.seenKey[slot]!;
    }
    let valid = 1;
    for (let i = from; i < to; i++) valid &= uuidByte[bytes[i]!]!;
    if (!valid) return -1;
    const text = bytes.toString('latin1', from, to);
    const key = batch.keys.indexOf('export', text.toLowerCase(), text);
    this.seenBytes.set(bytes.subarray(from, to), at);
    this.seenKey[slot] = key;
    return key;
  }
}

/** listenerKey of a plain ASCII id (1–200 bytes, not padded), or -1. */
function listenerOf(bytes: Buffer, from: number, to: number): number {
  const length = to - from;
  if (length < 1 || length > 200 || bytes[from]! <= 0x20 || bytes[to - 1]! <= 0x20) return -1;
  return listenerKeyOfCodes(bytes, from, to);
}

/** A country's code; ZZ when empty or two bytes naming no country; -1 for any other length (padding is the text parser's to trim). */
function countryOf(bytes: Buffer, from: number, to: number): number {
  if (to === from) return ZZ;
  if (to - from !== 2) return -1;
  const a = bytes[from]!;
  const b = bytes[from + 1]!;
  if (a <= 0x20 || b <= 0x20) return -1;
  const upper = (a >= 97 && a <= 122 ? a - 32 : a) * 256 + (b >= 97 && b <= 122 ? b - 32 : b);
  return countryTable[upper] ? upper : ZZ;
}

/** 1–9 digits as a number, or -1. */
function wholeNumber(bytes: Buffer, from: number, to: number): number {
  if (to === from || to - from > 9) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = bytes[i]! - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** Index of a known name (any case), `other` for an unknown or empty one; -1 when padded with spaces. */
function nameIndex(bytes: Buffer, from: number, to: number, names: readonly Buffer[], other: number): number {
  if (to === from) return other;
  if (bytes[from]! <= 0x20 || bytes[to - 1]! <= 0x20) return -1;
  next: for (let n = 0; n < names.length; n++) {
    const name = names[n]!;
    if (name.length !== to - from) continue;
    for (let i = 0; i < name.length; i++) {
      const b = bytes[from + i]!;
      if ((b >= 65 && b <= 90 ? b + 32 : b) !== name[i]) continue next;
    }
    return n;
  }
  return other;
}
