/**
 * One export's plays on one UTC day, column by column, no two equal in
 * (played_at, listener, ms_played) — the unit plays are stored, deduplicated
 * and flagged in. Plays keep the order they were added in (each import's new
 * plays after the stored ones, in the order read). Times are milliseconds
 * into the day (0 … 86,399,999).
 */
export interface PlayDay {
  readonly length: number;
  readonly listener: Float64Array;
  readonly msIntoDay: Uint32Array;
  readonly msPlayed: Uint32Array;
  readonly importId: Uint32Array;
  /** ISO 3166-1 alpha-2 as two ASCII bytes: first * 256 + second. */
  readonly country: Uint16Array;
  readonly source: Uint8Array;
  readonly reasonEnd: Uint8Array;
  /** FLAG_* bits (shared/analytics/playDefinitions). */
  readonly flags: Uint8Array;
}

/** Bytes per play in a stored day: 8 + 4 + 4 + 4 + 2 + 1 + 1 + 1. */
export const PLAY_DAY_BYTES_PER_PLAY = 25;

/** A day of `length` plays, zeroed, whose columns share one buffer (laid out as stored). */
export function allocatePlayDay(length: number): PlayDay {
  return viewPlayDay(new ArrayBuffer(length * PLAY_DAY_BYTES_PER_PLAY), length);
}

/**
 * Days laid out in one reused buffer (grown when a bigger day comes): an
 * import handles thousands of days one after the other, and fresh memory is
 * slow to touch on the machines we measured (~3.7 ms per MiB). A day from
 * `day()` is valid until the next call.
 */
export class PlayDayScratch {
  private buffer = new ArrayBuffer(0);

  /** A zeroed day of `length` plays. */
  day(length: number): PlayDay {
    const bytes = length * PLAY_DAY_BYTES_PER_PLAY;
    if (bytes > this.buffer.byteLength) this.buffer = new ArrayBuffer(Math.max(bytes, this.buffer.byteLength * 2));
    else new Uint8Array(this.buffer, 0, bytes).fill(0);
    return viewPlayDay(this.buffer, length);
  }

  /** The first `length` plays of a day from `day()`, moved into the layout of a day that long (in place). */
  truncate(day: PlayDay, length: number): PlayDay {
    const bytes = new Uint8Array(this.buffer);
    // Columns only move towards the start, each past the ones before it: copying in order never overwrites one not yet moved.
    for (const [offset, width] of COLUMNS) bytes.copyWithin(offset * length, offset * day.length, offset * day.length + width * length);
    return viewPlayDay(this.buffer, length);
  }

  /** A stored day's bytes read into the scratch buffer. */
  decode(stored: Uint8Array, length: number): PlayDay {
    checkLength(stored, length);
    const day = this.day(length);
    new Uint8Array(this.buffer, 0, stored.byteLength).set(stored);
    return day;
  }
}

/** Each column's byte offset per play of the day and its width, in layout order. */
const COLUMNS: readonly [offset: number, width: number][] = [
  [0, 8],
  [8, 4],
  [12, 4],
  [16, 4],
  [20, 2],
  [22, 1],
  [23, 1],
  [24, 1],
];

function checkLength(bytes: Uint8Array, length: number): void {
  if (bytes.byteLength !== length * PLAY_DAY_BYTES_PER_PLAY)
    throw new Error(`a stored day of ${length} plays has ${bytes.byteLength} bytes, expected ${length * PLAY_DAY_BYTES_PER_PLAY}`);
}

/**
 * Column views over a stored day's bytes: listener (float64), ms into day,
 * ms played, import id (uint32), country (uint16), source, reason, flags
 * (uint8) — each column contiguous, widest first so every view is aligned.
 * Little-endian, as every platform Stemroom ships for is.
 */
function viewPlayDay(buffer: ArrayBuffer, n: number): PlayDay {
  return {
    length: n,
    listener: new Float64Array(buffer, 0, n),
    msIntoDay: new Uint32Array(buffer, 8 * n, n),
    msPlayed: new Uint32Array(buffer, 12 * n, n),
    importId: new Uint32Array(buffer, 16 * n, n),
    country: new Uint16Array(buffer, 20 * n, n),
    source: new Uint8Array(buffer, 22 * n, n),
    reasonEnd: new Uint8Array(buffer, 23 * n, n),
    flags: new Uint8Array(buffer, 24 * n, n),
  };
}

/** The stored bytes of a day from allocatePlayDay or PlayDayScratch (no copy). */
export function playDayBytes(day: PlayDay): Buffer {
  return Buffer.from(day.listener.buffer, 0, day.length * PLAY_DAY_BYTES_PER_PLAY);
}

/** Country code ↔ its two bytes. */
export const countryCode = (country: string): number => country.charCodeAt(0) * 256 + country.charCodeAt(1);
export const countryName = (code: number): string => String.fromCharCode(code >> 8, code & 255);
