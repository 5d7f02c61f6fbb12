/** A piece of a run's audio posted by the stream worker: run frames `offset…offset + length`. */
export interface RunChunk {
  readonly offset: number;
  readonly channels: Float32Array[];
}

/**
 * The audio of one run on the audio thread when shared memory is not
 * available (a page that is not cross-origin isolated): chunks transferred
 * from the stream worker, kept in order and dropped once played. Reads
 * like a RunRing (frames the worker skipped read as missing).
 *
 * @example
 * queue.push({ offset: 0, channels: [left, right] }); // from the worker's message
 * const missing = queue.readInto(0, 128, outputs);
 */
export class ChunkQueue {
  private readonly chunks: RunChunk[] = [];
  private played = 0;
  private received = 0;

  /** The end of the frames received so far. */
  get written(): number {
    return this.received;
  }

  /** How far the reader has played. */
  get read(): number {
    return this.played;
  }

  push(chunk: RunChunk): void {
    if (chunk.offset < this.received) throw new RangeError(`chunk at frame ${chunk.offset}, but ${this.received} are received`);
    this.chunks.push(chunk);
    this.received = chunk.offset + chunk.channels[0]!.length;
  }

  /** Copies run frames `from…from + count` into `into[c][at…]` (silence where missing); returns how many frames were missing. */
  readInto(from: number, count: number, into: readonly Float32Array[], at = 0): number {
    while (this.chunks.length > 0 && this.chunks[0]!.offset + this.chunks[0]!.channels[0]!.length <= from) this.chunks.shift();
    for (const target of into) target.fill(0, at, at + count);
    let copied = 0;
    for (const chunk of this.chunks) {
      if (chunk.offset >= from + count) break;
      const a = Math.max(from, chunk.offset);
      const b = Math.min(from + count, chunk.offset + chunk.channels[0]!.length);
      if (b <= a) continue;
      for (let c = 0; c < into.length; c++)
        into[c]!.set(chunk.channels[c % chunk.channels.length]!.subarray(a - chunk.offset, b - chunk.offset), at + a - from);
      copied += b - a;
    }
    this.played = Math.max(this.played, from + count);
    return count - copied;
  }
}
