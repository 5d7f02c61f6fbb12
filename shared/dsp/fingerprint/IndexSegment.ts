import { landmarkHashes } from './landmarkHashes';
import type { Fingerprint } from './Fingerprint';

/** One fingerprint to put in a segment, under its index-wide entry number. */
export interface SegmentInput {
  readonly entry: number;
  readonly fp: Fingerprint;
}

/** Spreads the 23-bit hashes evenly over the directory (Knuth's multiplicative hash). */
const bucketOf = (hash: number, shift: number): number => Math.imul(hash, 0x9e3779b1) >>> shift;

/**
 * An immutable inverted index over some fingerprints' landmarks: hash →
 * postings (entry, anchor frame). Built with one counting sort into three
 * flat typed arrays, so building 200 four-minute stems takes well under a
 * second and costs 8 bytes per landmark. A posting's time is stored as the
 * entry's base plus its frame, one u32; the entry is found again by binary
 * search over the bases.
 */
export class IndexSegment {
  /** Entry numbers of this segment, in base order. */
  readonly entries: Uint32Array;
  /** bases[i] is the first global frame of entries[i]; one extra at the end. */
  private readonly bases: Float64Array;
  private readonly shift: number;
  private readonly directory: Uint32Array;
  private readonly keys: Uint32Array;
  private readonly times: Uint32Array;

  constructor(inputs: readonly SegmentInput[]) {
    this.entries = Uint32Array.from(inputs, (i) => i.entry);
    this.bases = new Float64Array(inputs.length + 1);
    const landmarks = inputs.map((i) => landmarkHashes(i.fp.peaks));
    let total = 0;
    inputs.forEach((input, i) => {
      this.bases[i + 1] = this.bases[i]! + input.fp.frames + 1;
      total += landmarks[i]!.hashes.length;
    });
    if (this.bases[inputs.length]! > 2 ** 32 - 1) throw new RangeError('fingerprint index segment holds too much audio');
    const bits = Math.min(20, Math.max(8, Math.ceil(Math.log2(Math.max(1, total / 4)))));
    this.shift = 32 - bits;
    this.directory = new Uint32Array((1 << bits) + 1);
    for (const { hashes } of landmarks) for (let j = 0; j < hashes.length; j++) this.directory[bucketOf(hashes[j]!, this.shift) + 1]!++;
    for (let b = 1; b < this.directory.length; b++) this.directory[b]! += this.directory[b - 1]!;
    const fill = this.directory.slice(0, -1);
    this.keys = new Uint32Array(total);
    this.times = new Uint32Array(total);
    landmarks.forEach(({ hashes, times }, i) => {
      const base = this.bases[i]!;
      for (let j = 0; j < hashes.length; j++) {
        const at = fill[bucketOf(hashes[j]!, this.shift)]!++;
        this.keys[at] = hashes[j]!;
        this.times[at] = base + times[j]!;
      }
    });
  }

  /** Landmarks held. */
  get size(): number {
    return this.keys.length;
  }

  /** Bytes of typed arrays held. */
  get bytes(): number {
    return this.keys.byteLength + this.times.byteLength + this.directory.byteLength + this.bases.byteLength + this.entries.byteLength;
  }

  /**
   * Calls `visit(entry, frame)` for every posting of `hash`, unless there are
   * more than `maxPostings` (a landmark that common — a sustained chord, a
   * drum hit heard in every stem — says nothing about which stem this is).
   */
  forEachPosting(hash: number, maxPostings: number, visit: (entry: number, frame: number) => void): void {
    const b = bucketOf(hash, this.shift);
    const start = this.directory[b]!;
    const end = this.directory[b + 1]!;
    let count = 0;
    for (let j = start; j < end; j++) if (this.keys[j] === hash) count++;
    if (count === 0 || count > maxPostings) return;
    for (let j = start; j < end; j++) {
      if (this.keys[j] !== hash) continue;
      const time = this.times[j]!;
      let lo = 0;
      let hi = this.entries.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (this.bases[mid]! <= time) lo = mid;
        else hi = mid - 1;
      }
      visit(this.entries[lo]!, time - this.bases[lo]!);
    }
  }
}
