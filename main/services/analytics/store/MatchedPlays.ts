/** Bytes per play: one record per play, so reading a play back touches one cache line, not six arrays. */
const RECORD = 24;

/**
 * One export's matched plays, in the order read, as fixed 24-byte records
 * in one buffer (millions fit without an object each): played at and
 * listener (float64), ms played (uint32), country (PlayDay's two-byte
 * code), source and end reason (uint8). Grouping by day reads plays back
 * out of order; a record per play keeps that to one cache miss each.
 */
export class MatchedPlays {
  length = 0;
  private capacity = 0;
  private f64 = new Float64Array(0);
  private u32 = new Uint32Array(0);
  private u16 = new Uint16Array(0);
  private u8 = new Uint8Array(0);

  constructor(capacity = 1024) {
    this.grow(capacity);
  }

  /** Empties the list, keeping its memory. */
  clear(): void {
    this.length = 0;
  }

  /** Appends all of another list's plays. */
  append(other: MatchedPlays): void {
    this.reserve(this.length + other.length);
    this.u8.set(other.u8.subarray(0, other.length * RECORD), this.length * RECORD);
    this.length += other.length;
  }

  /** Makes room for `capacity` plays in all. */
  reserve(capacity: number): void {
    if (capacity > this.capacity) this.grow(Math.max(capacity, Math.ceil(this.capacity * 1.5)));
  }

  push(playedAt: number, listener: number, msPlayed: number, country: number, source: number, reasonEnd: number): void {
    if (this.length === this.capacity) this.grow(Math.ceil(this.length * 1.5));
    const i = this.length++;
    this.f64[i * 3] = playedAt;
    this.f64[i * 3 + 1] = listener;
    this.u32[i * 6 + 4] = msPlayed;
    this.u16[i * 12 + 10] = country;
    this.u8[i * 24 + 22] = source;
    this.u8[i * 24 + 23] = reasonEnd;
  }

  playedAt(i: number): number {
    return this.f64[i * 3]!;
  }
  listener(i: number): number {
    return this.f64[i * 3 + 1]!;
  }
  setListener(i: number, listener: number): void {
    this.f64[i * 3 + 1] = listener;
  }
  msPlayed(i: number): number {
    return this.u32[i * 6 + 4]!;
  }
  country(i: number): number {
    return this.u16[i * 12 + 10]!;
  }
  source(i: number): number {
    return this.u8[i * 24 + 22]!;
  }
  reasonEnd(i: number): number {
    return this.u8[i * 24 + 23]!;
  }

  private grow(capacity: number): void {
    const buffer = new ArrayBuffer(capacity * RECORD);
    new Uint8Array(buffer).set(this.u8.subarray(0, this.length * RECORD));
    this.capacity = capacity;
    this.f64 = new Float64Array(buffer);
    this.u32 = new Uint32Array(buffer);
    this.u16 = new Uint16Array(buffer);
    this.u8 = new Uint8Array(buffer);
  }
}
