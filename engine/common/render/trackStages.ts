import { filterInPlace, type BiquadCoefficients } from '../dsp/BiquadDsp';
import { reverbImpulse } from '../dsp/reverbImpulse';

/**
 * One step of a track's signal path as block DSP, each computing what its
 * Web Audio node would (see runTrackStages). Plain data: a job crosses to a
 * worker thread as is.
 */
export type TrackStage =
  /** BiquadFilterNodes in series (an EQ's three bands, a filter), bit-exact with node-web-audio-api's. */
  | { readonly kind: 'biquads'; readonly coefficients: readonly BiquadCoefficients[] }
  /** The reverb effect: its seeded impulse by partitioned FFT convolution, dry and wet gains in float32. */
  | { readonly kind: 'reverb'; readonly decaySec: number; readonly preDelayMs: number; readonly mix: number; readonly seed: number }
  /** A GainNode at a constant value. */
  | { readonly kind: 'gain'; readonly gain: number }
  /** A GainNode following automation: its gain per sample, as the graph rendered it (a constant 1 through the node). */
  | { readonly kind: 'envelope'; readonly envelope: Float32Array }
  /** A StereoPannerNode at a constant position (the output is stereo). */
  | { readonly kind: 'pan'; readonly pan: number };

/** A track's signal (mono or stereo, whole length) and the steps to run over it. */
export interface TrackStagesJob {
  readonly channels: Float32Array[];
  readonly sampleRate: number;
  readonly stages: readonly TrackStage[];
}

/** Runs a job somewhere (Node: a worker thread) and resolves with the resulting channels. */
export type RunTrackStages = (job: TrackStagesJob) => Promise<Float32Array[]>;

/** A whole-signal convolution with one impulse response, mixed with the dry signal (PartitionedConvolver). */
export interface MixingConvolver {
  convolveMix(input: Float32Array, output: Float32Array, dryGain: number, wetGain: number): void;
  dispose(): void;
}
export type CreateConvolver = (impulse: Float32Array) => MixingConvolver;

/** Web Audio's GainNode skips gains this close to 0 (silence) or 1 (a copy), in float32. */
const GAIN_THRESHOLD = Math.fround(1e-6);

/**
 * Runs a track's block-DSP stages over its signal, in place where the
 * channel count allows, and returns the result. Each stage is what its node
 * computes, to the float32 operation: biquads as BiquadDsp; a gain with
 * GainNode's shortcuts; pan with StereoPannerNode's float32 gains and fused
 * multiply-adds (emulated in double precision: exact but in rare ties);
 * reverb — mono in, stereo out, like a ConvolverNode with a stereo impulse —
 * by FFT convolution, which differs from the node only by the convolution's
 * own rounding (null-tested).
 *
 * @example
 * const [left, right] = runTrackStages({ channels, sampleRate: 44100, stages: [{ kind: 'pan', pan: -0.5 }] }, createConvolver);
 */
export function runTrackStages(job: TrackStagesJob, createConvolver: CreateConvolver): Float32Array[] {
  let channels = job.channels;
  for (const stage of job.stages) {
    switch (stage.kind) {
      case 'biquads':
        filterInPlace(channels, stage.coefficients);
        break;
      case 'reverb':
        channels = reverb(channels, stage, job.sampleRate, createConvolver);
        break;
      case 'gain':
        for (const channel of channels) constantGain(channel, stage.gain);
        break;
      case 'envelope':
        for (const channel of channels) for (let i = 0; i < channel.length; i++) channel[i] = channel[i]! * stage.envelope[i]!;
        break;
      case 'pan':
        channels = pan(channels, stage.pan);
        break;
    }
  }
  return channels;
}

function constantGain(channel: Float32Array, value: number): void {
  const gain = Math.fround(value);
  if (Math.abs(gain) <= GAIN_THRESHOLD) channel.fill(0);
  else if (Math.abs(Math.fround(1 - gain)) > GAIN_THRESHOLD) for (let i = 0; i < channel.length; i++) channel[i] = channel[i]! * gain;
}

function reverb(
  channels: Float32Array[],
  stage: Extract<TrackStage, { kind: 'reverb' }>,
  sampleRate: number,
  createConvolver: CreateConvolver,
): Float32Array[] {
  const impulse = reverbImpulse(sampleRate, stage.decaySec, stage.preDelayMs / 1000, stage.seed);
  // Mono in: both impulse channels over the one signal (the right one first, into a new array; the left in place).
  const [left, right = new Float32Array(channels[0]!.length)] = channels;
  const pairs: [Float32Array, Float32Array, Float32Array][] = [
    [channels[1] ?? left!, right, impulse[1]!],
    [left!, left!, impulse[0]!],
  ];
  for (const [input, output, response] of pairs) {
    const convolver = createConvolver(response);
    try {
      convolver.convolveMix(input, output, 1 - stage.mix, stage.mix);
    } finally {
      convolver.dispose();
    }
  }
  return [left!, right];
}

const PI_F32 = Math.fround(Math.PI);
/** sin of a float32, rounded to float32 (Rust's f32::sin). */
const sinF32 = (x: number) => Math.fround(Math.sin(x));

/** StereoPannerNode's gains for position x ∈ [0, 1]: sin((1 − x)·π/2) and sin(x·π/2), every step in float32 as it computes them. */
function panGains(x: number): [number, number] {
  return [sinF32(Math.fround(Math.fround(1 - x) * PI_F32) / 2), sinF32(Math.fround(x * PI_F32) / 2)];
}

function pan(channels: Float32Array[], position: number): Float32Array[] {
  const p = Math.fround(position);
  if (channels.length === 1) {
    const input = channels[0]!;
    const [gainLeft, gainRight] = panGains(Math.fround(Math.fround(p + 1) * 0.5));
    const right = new Float32Array(input.length);
    for (let i = 0; i < input.length; i++) {
      right[i] = input[i]! * gainRight;
      input[i] = input[i]! * gainLeft;
    }
    return [input, right];
  }
  const [left, right] = channels as [Float32Array, Float32Array];
  const [gainLeft, gainRight] = panGains(p <= 0 ? Math.fround(p + 1) : p);
  // Left = left + right·gainLeft (a fused multiply-add), right scaled; mirrored for positions right of centre.
  if (p <= 0) {
    if (gainLeft !== 0) for (let i = 0; i < left.length; i++) left[i] = right[i]! * gainLeft + left[i]!;
    if (gainRight !== 1) for (let i = 0; i < right.length; i++) right[i] = right[i]! * gainRight;
  } else {
    if (gainRight !== 0) for (let i = 0; i < right.length; i++) right[i] = left[i]! * gainRight + right[i]!;
    if (gainLeft !== 1) for (let i = 0; i < left.length; i++) left[i] = left[i]! * gainLeft;
  }
  return [left, right];
}
