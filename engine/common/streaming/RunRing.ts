/** Int32 slots at the start of a ring's SharedArrayBuffer. */
const WRITTEN = 0;
const READ = 1;
const CHANNELS = 2;
const CAPACITY = 3;
/** Frames [GAP_FROM, GAP_TO) were skipped by a writer that fell behind: missing, whatever the ring holds there. */
const GAP_FROM = 4;
const GAP_TO = 5;
const HEADER_INTS = 8;
const HEADER_BYTES = HEADER_INTS * 4;

/**
 * The audio of one run (a clip played from one start) handed from the
 * stream worker to the audio thread through shared memory: a ring of
 * `capacity` frames per channel, addressed by the run's own frame numbers
 * (0 = its first frame). One writer (the worker) and one reader (the
 * worklet): the writer publishes how far it has written, the reader how far
 * it has played, each with Atomics — no locks, no messages, no copies
 * beyond the one into the ring. The writer never runs more than `capacity`
 * frames ahead of the reader; a writer that fell behind skips ahead, and
 * the frames it skipped read as missing.
 *
 * @example
 * const shared = RunRing.create(2, 1 << 17);          // main thread: sent to worker and worklet
 * new RunRing(shared).write([left, right], 4096);      // worker
 * new RunRing(shared).readInto(0, 128, outputs);       // worklet: returns how many frames were missing
 */
export class RunRing {
  readonly channels: number;
  readonly capacity: number;
  private readonly header: Int32Array;
  private readonly data: Float32Array[];

  /** A ring's shared memory for `channels` × `capacity` frames. */
  static create(channels: number, capacity: number): SharedArrayBuffer {
    const buffer = new SharedArrayBuffer(HEADER_BYTES + channels * capacity * 4);
    const header = new Int32Array(buffer, 0, HEADER_INTS);
    header[CHANNELS] = channels;
    header[CAPACITY] = capacity;
    return buffer;
  }

  /** Makes a ring's memory ready for another run (only once neither its writer nor its reader uses it any more). */
  static reset(buffer: SharedArrayBuffer): void {
    const header = new Int32Array(buffer, 0, HEADER_INTS);
    for (const slot of [WRITTEN, READ, GAP_FROM, GAP_TO]) Atomics.store(header, slot, 0);
  }

  constructor(buffer: SharedArrayBuffer) {
    this.header = new Int32Array(buffer, 0, HEADER_INTS);
    this.channels = this.header[CHANNELS]!;
    this.capacity = this.header[CAPACITY]!;
    this.data = Array.from({ length: this.channels }, (_, c) => new Float32Array(buffer, HEADER_BYTES + c * this.capacity * 4, this.capacity));
  }

  /** The end of what the writer has made available. */
  get written(): number {
    return Atomics.load(this.header, WRITTEN);
  }

  /** How far the reader has played: the writer may fill up to `read + capacity`. */
  get read(): number {
    return Atomics.load(this.header, READ);
  }

  /**
   * Writer, before any reading (a run waiting at a switch gate while the
   * audio thread moves on): frames before `frame` will never be read, so
   * the ring may fill up to `frame + capacity`.
   */
  release(frame: number): void {
    if (frame > this.read) Atomics.store(this.header, READ, frame);
  }

  /** Writer: appends `count` frames of `channels` (from index `offset`), at frame `at` (default: right after the last). */
  write(channels: readonly Float32Array[], count: number, offset = 0, at = this.written): void {
    const written = this.written;
    if (at < written) throw new RangeError(`cannot write frame ${at}: ${written} are written`);
    if (at + count > this.read + this.capacity) throw new RangeError(`ring overflow: frames up to ${at + count}, room up to ${this.read + this.capacity}`);
    if (at > written) {
      Atomics.store(this.header, GAP_TO, at);
      Atomics.store(this.header, GAP_FROM, written);
    }
    for (let c = 0; c < this.channels; c++) {
      const source = channels[c % channels.length]!;
      const ring = this.data[c]!;
      const index = at % this.capacity;
      const first = Math.min(count, this.capacity - index);
      ring.set(source.subarray(offset, offset + first), index);
      if (first < count) ring.set(source.subarray(offset + first, offset + count), 0);
    }
    Atomics.store(this.header, WRITTEN, at + count);
  }

  /**
   * Reader: copies run frames `from…from + count` into `into[c][at…]`,
   * silence for frames not written (yet, or skipped), and marks them
   * played. Returns how many frames were missing (an underrun when > 0).
   */
  readInto(from: number, count: number, into: readonly Float32Array[], at = 0): number {
    const available = Math.max(0, Math.min(count, this.written - from));
    for (let c = 0; c < into.length; c++) {
      const ring = this.data[c % this.channels]!;
      const target = into[c]!;
      const index = from % this.capacity;
      const first = Math.min(available, this.capacity - index);
      target.set(ring.subarray(index, index + first), at);
      if (first < available) target.set(ring.subarray(0, available - first), at + first);
      target.fill(0, at + available, at + count);
    }
    let missing = count - available;
    const gapFrom = Math.max(from, Atomics.load(this.header, GAP_FROM));
    const gapTo = Math.min(from + available, Atomics.load(this.header, GAP_TO));
    if (gapTo > gapFrom) {
      for (const target of into) target.fill(0, at + gapFrom - from, at + gapTo - from);
      missing += gapTo - gapFrom;
    }
    Atomics.store(this.header, READ, Math.max(this.read, from + count));
    return missing;
  }
}
