import type { SignalsmithWasm } from './loadSignalsmith';

export interface StretchOptions {
  /** Output duration / input duration (1.25 plays 25 % slower, same pitch). */
  readonly timeFactor: number;
  readonly semitones: number;
}

/**
 * Writes `count` frames of the source from frame `from` into `into[c][0…count)`
 * (zeros where the source has no frame: before its start, after its end).
 */
export type ReadFrames = (from: number, count: number, into: readonly Float32Array[]) => void;

/**
 * Output frames per call into the stretcher. Fixed, whoever asks for how
 * much: the stretcher's output depends on how its input is split between
 * calls, so a voice renders the same samples whether an offline render
 * asks for a whole clip at once or the live stream for 20 ms at a time.
 */
export const STRETCH_STEP = 1024;

/**
 * One stretched, pitch-shifted stream of a source from a start frame, with
 * Signalsmith Stretch — the one algorithm both the offline render and the
 * live stream use. The first `inputLatency` source frames prime the
 * stretcher (seek) and its first `outputLatency` output frames are dropped,
 * so output frame n lines up with source frame `start + n / timeFactor`
 * within a few samples (blocks: `stretchBlocks`). Deterministic: a fresh core, the same
 * source, start and options give the same samples.
 *
 * @example
 * const voice = new StretchVoice(await createSignalsmith(), 2, 44100, { timeFactor: 1.08, semitones: 0 }, 0, readArrays([l, r]));
 * voice.render([outL, outR], 0, 4410); // the first 100 ms
 */
export class StretchVoice {
  private readonly inputLatency: number;
  private readonly outputLatency: number;
  private readonly capacity: number;
  private readonly inBase: number;
  private readonly outBase: number;
  private readonly carry: Float32Array[];
  private carryFrom = 0;
  private carryTo = 0;
  /** Source frames handed to the stretcher (from `start`), and output frames it made (latency included). */
  private consumed: number;
  private produced = 0;

  constructor(
    private readonly wasm: SignalsmithWasm,
    private readonly channels: number,
    sampleRate: number,
    private readonly options: StretchOptions,
    /** The source frame output frame 0 plays. */
    readonly start: number,
    private readonly read: ReadFrames,
  ) {
    const { block, interval } = stretchBlocks(options, sampleRate);
    wasm._configure(channels, block, interval, false);
    wasm._reset();
    this.inputLatency = wasm._inputLatency();
    this.outputLatency = wasm._outputLatency();
    this.capacity = Math.ceil(STRETCH_STEP / options.timeFactor) + 2 * Math.max(this.inputLatency, this.outputLatency) + 16;
    const pointer = wasm._setBuffers(channels, this.capacity);
    wasm._setTransposeSemitones(options.semitones, 8000 / sampleRate);
    this.inBase = pointer / 4;
    this.outBase = pointer / 4 + this.capacity * channels;
    this.carry = Array.from({ length: channels }, () => new Float32Array(STRETCH_STEP));
    this.fillInput(0, this.inputLatency);
    wasm._seek(this.inputLatency, 1 / options.timeFactor);
    this.consumed = this.inputLatency;
  }

  /** Output frames delivered so far. */
  get position(): number {
    return Math.max(0, this.produced - this.outputLatency) - (this.carryTo - this.carryFrom);
  }

  /** The source frames [from, to) rendering the next `frames` output frames will read (to fetch them first). */
  inputNeeded(frames: number): { from: number; to: number } {
    const buffered = this.carryTo - this.carryFrom;
    // Output still owed: what the carry cannot give, plus the latency the stretcher makes before frame 0.
    const steps = Math.max(0, Math.ceil((frames - buffered + Math.max(0, this.outputLatency - this.produced)) / STRETCH_STEP));
    const target = Math.round((this.produced + steps * STRETCH_STEP) / this.options.timeFactor) + this.inputLatency;
    return { from: this.start + this.consumed, to: this.start + Math.max(this.consumed, target) };
  }

  /** Renders the next `count` frames into `out[c][offset…offset + count)`. */
  render(out: readonly Float32Array[], offset: number, count: number): void {
    let written = 0;
    while (written < count) {
      if (this.carryFrom === this.carryTo) this.step();
      const n = Math.min(count - written, this.carryTo - this.carryFrom);
      for (let c = 0; c < out.length; c++) out[c]!.set(this.carry[c % this.channels]!.subarray(this.carryFrom, this.carryFrom + n), offset + written);
      this.carryFrom += n;
      written += n;
    }
  }

  private step(): void {
    const target = Math.round((this.produced + STRETCH_STEP) / this.options.timeFactor) + this.inputLatency;
    const inCount = Math.max(0, target - this.consumed);
    this.fillInput(this.consumed, inCount);
    this.wasm._process(inCount, STRETCH_STEP);
    this.consumed += inCount;
    // The first outputLatency frames the stretcher makes come before output frame 0.
    const skip = Math.max(0, Math.min(STRETCH_STEP, this.outputLatency - this.produced));
    this.produced += STRETCH_STEP;
    const heap = new Float32Array(this.wasm.HEAP8.buffer);
    for (let c = 0; c < this.channels; c++) {
      const base = this.outBase + c * this.capacity;
      this.carry[c]!.set(heap.subarray(base + skip, base + STRETCH_STEP), 0);
    }
    this.carryFrom = 0;
    this.carryTo = STRETCH_STEP - skip;
  }

  private fillInput(from: number, count: number): void {
    const heap = new Float32Array(this.wasm.HEAP8.buffer);
    const into = Array.from({ length: this.channels }, (_, c) => heap.subarray(this.inBase + c * this.capacity, this.inBase + c * this.capacity + count));
    this.read(this.start + from, count, into);
  }
}

/**
 * How many source frames from its start a voice may read to render its
 * first `outputFrames` frames (a bound: the stretcher's latencies are each
 * under one block) — a slice this long stretches to the same first frames
 * as the whole source would.
 */
export function inputFramesFor(outputFrames: number, options: StretchOptions, sampleRate: number): number {
  const { block } = stretchBlocks(options, sampleRate);
  return Math.ceil((outputFrames + block + STRETCH_STEP) / options.timeFactor) + block + 2;
}

/**
 * The stretcher's analysis block and hop, in seconds. Pitch shifts need
 * long blocks to resolve low partials (pitch within ~2 cents); pure
 * time-stretches use the library's default preset (sharper transients).
 * Shorter blocks would be cheaper but lose 20–35 dB of tonal SNR at large
 * stretches (measured: docs/live-engine.md).
 */
const TIME_BLOCKS = [0.12, 0.03] as const;
const PITCH_BLOCKS = [0.3, 0.075] as const;

/** The block and hop in frames for `options` at `sampleRate`. */
export function stretchBlocks(options: StretchOptions, sampleRate: number): { block: number; interval: number } {
  const [blockSeconds, intervalSeconds] = options.semitones !== 0 ? PITCH_BLOCKS : TIME_BLOCKS;
  return { block: Math.round(blockSeconds * sampleRate), interval: Math.round(intervalSeconds * sampleRate) };
}

/** A ReadFrames over whole channels in memory. */
export function readArrays(channels: readonly Float32Array[]): ReadFrames {
  const length = channels[0]?.length ?? 0;
  return (from, count, into) => {
    // [a, b): the part of [from, from + count) the source has.
    const a = Math.min(Math.max(from, 0), from + count);
    const b = Math.max(a, Math.min(length, from + count));
    into.forEach((target, c) => {
      const source = channels[c % channels.length]!;
      target.fill(0, 0, a - from);
      target.set(source.subarray(a, b), a - from);
      target.fill(0, b - from, count);
    });
  };
}
