/** Int32 slots at the start of a ring's SharedArrayBuffer. */
const WRITTEN = 0;
const READ = 1;
const HEADER_BYTES = 16;

/**
 * The audio of one run (a clip played from one start) handed from the
 * stream worker to the audio thread through shared memory: a ring of
 * `capacity` frames per channel, addressed by the run's own frame numbers
 * (0 = its first frame). One writer (the worker) and one reader (the
 * worklet): the writer publishes how many frames it has written, the reader
 * how many it has played, each with Atomics — no locks, no messages, no
 * copies beyond the one into the ring. The writer never runs more than
 * `capacity` frames ahead of the reader.
 *
 * @example
 * const ring = RunRing.create(2, 1 << 17);       // main thread: sent to worker and worklet
 * new RunRing(ring).write(0, [left, right], 4096); // worker
 * new RunRing(ring).read(0, 128, outputs);         // worklet: frames missing → returns how many
 */
export class RunRing {
  readonly channels: number;
  readonly capacity: number;
  private readonly header: Int32Array;
  private readonly data: Float32Array[];

  /** A ring's shared memory for `channels` × `capacity` frames. */
  static create(channels: number, capacity: number): SharedArrayBuffer {
    const buffer = new SharedArrayBuffer(HEADER_BYTES + channels * capacity * 4);
    new Int32Array(buffer, 0, 4).set([0, 0, channels, capacity]);
    return buffer;
  }

  constructor(buffer: SharedArrayBuffer) {
    this.header = new Int32Array(buffer, 0, 4);
    this.channels = this.header[2]!;
    this.capacity = this.header[3]!;
    this.data = Array.from({ length: this.channels }, (_, c) => new Float32Array(buffer, HEADER_BYTES + c * this.capacity * 4, this.capacity));
  }

  /** Frames the writer has made available (run frames 0…written−1). */
  get written(): number {
    return Atomics.load(this.header, WRITTEN);
  }

  /** Frames the reader has played: the writer may fill up to `read + capacity`. */
  get read(): number {
    return Atomics.load(this.header, READ);
  }

  /** Room the writer has now. */
  get room(): number {
    return this.read + this.capacity - this.written;
  }

  /** Writer: appends `count` frames of `channels` (from index `offset`) after the last written frame. */
  write(offset: number, channels: readonly Float32Array[], count: number): void {
    if (count > this.room) throw new RangeError(`ring overflow: ${count} frames into ${this.room} free`);
    const start = this.written;
    for (let c = 0; c < this.channels; c++) {
      const source = channels[c % channels.length]!;
      const ring = this.data[c]!;
      const at = start % this.capacity;
      const first = Math.min(count, this.capacity - at);
      ring.set(source.subarray(offset, offset + first), at);
      if (first < count) ring.set(source.subarray(offset + first, offset + count), 0);
    }
    Atomics.store(this.header, WRITTEN, start + count);
  }

  /**
   * Reader: copies run frames `from…from + count` into `into[c][at…]`,
   * silence for frames not written yet, and marks them played. Returns how
   * many frames were missing (an underrun when > 0).
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
    Atomics.store(this.header, READ, Math.max(this.read, from + count));
    return count - available;
  }
}
