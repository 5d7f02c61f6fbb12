import { END_REASONS, PLAY_SOURCES } from '../../../shared/analytics/playDefinitions';
import { isCountryCode } from '../../../shared/rights/territories';
import type { LineResult } from './ParsedPlay';
import type { PlayLogBatch } from './PlayLogBatch';
import { parseUtcBytes } from './parseIsoTime';

/** Reads one line (bytes `start` … `end`, no line break) into the batch; `plain`: the bytes around it are ASCII without quotes. */
export type CsvPlayLineReader = (bytes: Buffer, start: number, end: number, lineNumber: number, batch: PlayLogBatch, plain: boolean) => void;

const MAX_MS_PLAYED = 86_400_000;
const COMMA = 44;
const QUOTE = 34;
const ZZ = 90 * 256 + 90;
/** Export ids remembered by the fast path (a power of two; a collision only costs a string). */
const EXPORT_SLOTS = 4096;

/** Bytes an export id (a UUID) may hold: hex digits in either case and dashes (a table: no branches per byte). */
const uuidByte = new Uint8Array(256);
for (const c of '0123456789abcdefABCDEF-') uuidByte[c.charCodeAt(0)] = 1;

/** Valid country codes by their two upper-case bytes. */
const countryTable = new Uint8Array(65536);
for (let a = 65; a <= 90; a++) for (let b = 65; b <= 90; b++) if (isCountryCode(String.fromCharCode(a, b))) countryTable[a * 256 + b] = 1;

/** Names as lower-case bytes, with their index (sources, end reasons). */
const nameBytes = (names: readonly string[]) => names.map((n) => Buffer.from(n, 'latin1'));
const sourceNames = nameBytes(PLAY_SOURCES);
const reasonNames = nameBytes(END_REASONS);
const OTHER_SOURCE = PLAY_SOURCES.indexOf('other');
const OTHER_REASON = END_REASONS.indexOf('other');

/**
 * Stemroom's CSV play log read straight from bytes, for speed: the common
 * line — unquoted ASCII, an export_id, a machine-written UTC time — is
 * validated and stored without building strings or objects. Any other line
 * (quotes, non-ASCII, padding, ISRC or audio keys, anything invalid) goes
 * to `general`, the text parser that defines the format, so the two cannot
 * disagree: this path only accepts what `general` would read the same way.
 */
export function csvPlayLineReader(header: readonly string[], general: (line: string) => LineResult): CsvPlayLineReader {
  const column = (name: string) => header.indexOf(name);
  const exportCol = column('export_id');
  const listenerCol = column('listener_id');
  const playedAtCol = column('played_at');
  const countryCol = column('country');
  const sourceCol = column('source');
  const msCol = column('ms_played');
  const reasonCol = column('reason_end');
  const fallback: CsvPlayLineReader = (bytes, start, end, lineNumber, batch) => batch.add(lineNumber, general(bytes.toString('utf8', start, end)));
  // A repeated column name would make "which value counts" the general parser's call.
  if (exportCol < 0 || new Set(header).size !== header.length) return fallback;

  const fieldStart = new Int32Array(header.length + 1);
  const fieldEnd = new Int32Array(header.length + 1);
  // Export ids seen, by a hash of their last bytes (the random part of a UUIDv7): a line's id is
  // found by comparing it with the one seen there, and a match is valid because that one was.
  const seenBytes = new Uint8Array(EXPORT_SLOTS * 36);
  const seenKey = new Int32Array(EXPORT_SLOTS).fill(-1);
  /** The key number of an export id (36 hex digits and dashes), or -1. */
  const exportKey = (bytes: Buffer, from: number, to: number, batch: PlayLogBatch): number => {
    if (to - from !== 36) return -1;
    let hash = 0x811c9dc5;
    for (let i = to - 8; i < to; i++) hash = Math.imul(hash ^ bytes[i]!, 16777619);
    const slot = (hash >>> 0) & (EXPORT_SLOTS - 1);
    const at = slot * 36;
    if (seenKey[slot]! >= 0) {
      let i = 0;
      while (i < 36 && seenBytes[at + i] === bytes[from + i]) i++;
      if (i === 36) return seenKey[slot]!;
    }
    let valid = 1;
    for (let i = from; i < to; i++) valid &= uuidByte[bytes[i]!]!;
    if (!valid) return -1;
    const text = bytes.toString('latin1', from, to);
    const key = batch.keys.indexOf('export', text.toLowerCase(), text);
    seenBytes.set(bytes.subarray(from, to), at);
    seenKey[slot] = key;
    return key;
  };
  const last = header.length - 1;
  return (bytes, start, end, lineNumber, batch, plain) => {
    // Split at commas; give up on quotes and non-ASCII bytes (none when the batch is plain).
    let fields = 0;
    fieldStart[0] = start;
    if (plain) {
      // Jump over the fixed-width fields (their own checks prove they hold no comma); scan the rest.
      let pos = start;
      for (let c = 0; c <= last; c++) {
        let stop = pos;
        if (c === exportCol) stop = pos + 36;
        else if (c === playedAtCol) stop = bytes[pos + 19] === 90 /* Z */ ? pos + 20 : pos + 24;
        else while (stop < end && bytes[stop] !== COMMA) stop++;
        if (c === last ? stop !== end : stop >= end || bytes[stop] !== COMMA) return fallback(bytes, start, end, lineNumber, batch, plain);
        fieldStart[c] = pos;
        fieldEnd[c] = stop;
        pos = stop + 1;
      }
      fields = last;
    } else {
      for (let i = start; i < end; i++) {
        const b = bytes[i]!;
        if (b === COMMA) {
          if (fields === last) return fallback(bytes, start, end, lineNumber, batch, plain);
          fieldEnd[fields] = i;
          fieldStart[++fields] = i + 1;
        } else if (b === QUOTE || b >= 0x80) return fallback(bytes, start, end, lineNumber, batch, plain);
      }
    }
    fieldEnd[fields] = end;
    if (fields !== header.length - 1) return fallback(bytes, start, end, lineNumber, batch, plain);

    const key = exportKey(bytes, fieldStart[exportCol]!, fieldEnd[exportCol]!, batch);
    if (key < 0) return fallback(bytes, start, end, lineNumber, batch, plain);
    const listener = listenerOf(bytes, fieldStart[listenerCol]!, fieldEnd[listenerCol]!);
    if (listener < 0) return fallback(bytes, start, end, lineNumber, batch, plain);
    const playedAt = parseUtcBytes(bytes, fieldStart[playedAtCol]!, fieldEnd[playedAtCol]! - fieldStart[playedAtCol]!);
    if (playedAt === null) return fallback(bytes, start, end, lineNumber, batch, plain);
    const country = countryCol < 0 ? ZZ : countryOf(bytes, fieldStart[countryCol]!, fieldEnd[countryCol]!);
    if (country < 0) return fallback(bytes, start, end, lineNumber, batch, plain);
    const msPlayed = wholeNumber(bytes, fieldStart[msCol]!, fieldEnd[msCol]!);
    if (msPlayed < 0 || msPlayed > MAX_MS_PLAYED) return fallback(bytes, start, end, lineNumber, batch, plain);
    const source = sourceCol < 0 ? OTHER_SOURCE : nameIndex(bytes, fieldStart[sourceCol]!, fieldEnd[sourceCol]!, sourceNames, OTHER_SOURCE);
    const reason = reasonCol < 0 ? OTHER_REASON : nameIndex(bytes, fieldStart[reasonCol]!, fieldEnd[reasonCol]!, reasonNames, OTHER_REASON);
    if (source < 0 || reason < 0) return fallback(bytes, start, end, lineNumber, batch, plain);
    batch.push(key, listener, playedAt, country, source, msPlayed, reason);

  };
}

/** listenerKey of a plain ASCII id (1–200 bytes, not padded), or -1. */
function listenerOf(bytes: Buffer, from: number, to: number): number {
  const length = to - from;
  if (length < 1 || length > 200 || bytes[from]! <= 0x20 || bytes[to - 1]! <= 0x20) return -1;
  // The same mix as listenerKey (char codes equal bytes for ASCII).
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = from; i < to; i++) {
    const c = bytes[i]!;
    a = Math.imul(a ^ c, 16777619);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  b = Math.imul(b ^ (b >>> 13), 0xc2b2ae35);
  b ^= b >>> 16;
  return (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff);
}

/** A country's code (ZZ when empty), or -1 when not two letters naming a country. */
function countryOf(bytes: Buffer, from: number, to: number): number {
  if (to === from) return ZZ;
  if (to - from !== 2) return -1;
  const a = bytes[from]!;
  const b = bytes[from + 1]!;
  const upper = (a >= 97 && a <= 122 ? a - 32 : a) * 256 + (b >= 97 && b <= 122 ? b - 32 : b);
  return upper === ZZ || countryTable[upper] ? upper : -1;
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
