import type { PffftModule } from '@echogarden/pffft-wasm/simd';

/** Samples per partition: the FFT is twice this. Offline, throughput is all that matters; 2¹⁴ is where it peaks for 1–5 s responses. */
const BLOCK = 16384;
const FFT = 2 * BLOCK;
const REAL = 0;
const FORWARD = 0;
const BACKWARD = 1;

/**
 * Uniformly partitioned FFT convolution (overlap-add over a frequency-domain
 * delay line) of a whole signal with a fixed impulse response, on PFFFT
 * (WASM, SIMD, float32). For offline renders: no latency, every output
 * sample aligned with its input, ~20× cheaper than Web Audio's
 * ConvolverNode here. Deterministic — the same operations in the same order
 * every run — so renders stay bit-identical.
 *
 * @example
 * const convolver = new PartitionedConvolver(pffft, impulse);
 * const wet = convolver.process(dry); // dry.length samples, dry ∗ impulse truncated there
 * convolver.dispose();
 */
export class PartitionedConvolver {
  private readonly setup: number;
  /** Spectra of the impulse's partitions (PFFFT's internal order, which its convolution routine expects). */
  private readonly partitions: number[] = [];
  private readonly buffers: number[] = [];

  constructor(
    private readonly pffft: PffftModule,
    impulse: Float32Array,
  ) {
    this.setup = pffft._pffft_new_setup(FFT, REAL);
    const input = this.alloc();
    const work = this.alloc();
    for (let from = 0; from < Math.max(1, impulse.length); from += BLOCK) {
      const heap = this.heap();
      heap.fill(0, input >> 2, (input >> 2) + FFT);
      heap.set(impulse.subarray(from, Math.min(impulse.length, from + BLOCK)), input >> 2);
      const spectrum = this.alloc();
      pffft._pffft_transform(this.setup, input, spectrum, work, FORWARD);
      this.partitions.push(spectrum);
    }
  }

  /** The first `input.length` samples of input ∗ impulse. */
  process(input: Float32Array): Float32Array {
    const { pffft, setup, partitions } = this;
    const count = partitions.length;
    const frames = input.length;
    const output = new Float32Array(frames);
    const block = this.alloc();
    const accumulator = this.alloc();
    const result = this.alloc();
    const work = this.alloc();
    const delayLine = Array.from({ length: count }, () => this.alloc());
    try {
      for (let b = 0, from = 0; from < frames; b++, from += BLOCK) {
        let heap = this.heap();
        heap.fill(0, block >> 2, (block >> 2) + FFT);
        heap.set(input.subarray(from, Math.min(frames, from + BLOCK)), block >> 2);
        // Input block b's spectrum goes into the delay line; block b of the output is Σₖ X[b−k]·H[k].
        pffft._pffft_transform(setup, block, delayLine[b % count]!, work, FORWARD);
        heap = this.heap();
        heap.fill(0, accumulator >> 2, (accumulator >> 2) + FFT);
        for (let k = 0; k < count && k <= b; k++) pffft._pffft_zconvolve_accumulate(setup, delayLine[(b - k) % count]!, partitions[k]!, accumulator, 1 / FFT);
        pffft._pffft_transform(setup, accumulator, result, work, BACKWARD);
        // Overlap-add: the block's 2·BLOCK samples land from `from`, the second half under the next block.
        heap = this.heap();
        const start = result >> 2;
        const end = Math.min(FFT, frames - from);
        for (let i = 0; i < end; i++) output[from + i] = output[from + i]! + heap[start + i]!;
      }
    } finally {
      for (const pointer of [block, accumulator, result, work, ...delayLine]) this.free(pointer);
    }
    return output;
  }

  dispose(): void {
    for (const pointer of this.buffers) this.pffft._pffft_aligned_free(pointer);
    this.buffers.length = 0;
    this.partitions.length = 0;
    this.pffft._pffft_destroy_setup(this.setup);
  }

  private alloc(): number {
    const pointer = this.pffft._pffft_aligned_malloc(FFT * 4);
    if (!pointer) throw new Error('out of memory for the convolution');
    this.buffers.push(pointer);
    return pointer;
  }

  private free(pointer: number): void {
    const i = this.buffers.indexOf(pointer);
    if (i >= 0) this.buffers.splice(i, 1);
    this.pffft._pffft_aligned_free(pointer);
  }

  /** The WASM heap, looked up again after anything that may grow it (a grown memory detaches old views). */
  private heap(): Float32Array {
    return this.pffft.HEAPF32;
  }
}
