import type { PcmHeader } from '../../../common/pcm/pcmCacheFormat';
import type { RunPlan } from '../../../common/streaming/planRun';

/** How far ahead of what the audio thread plays the worker renders a run. */
export const LOOKAHEAD_SECONDS = 1.5;
/** Frames per piece the worker renders. */
export const CHUNK_FRAMES = 4096;

/**
 * Frames of a run rendered ahead before it may start (or take over at a
 * switch gate): three pieces (0.28 s at 44.1 kHz; the previous 0.25 s
 * took three pieces too) — time for the worker to render the next piece
 * of every run it serves on a busy machine (this machine is shared and
 * often at load 7–12); the third piece is the cheap one (the first holds
 * the stretcher's start and latency).
 */
export const START_FRAMES = 3 * CHUNK_FRAMES;
/** Frames over which the old audio fades out and the new fades in where a change takes over while playing. */
export const SWITCH_FADE_FRAMES = 256;

/**
 * A ring long enough for the lookahead and a piece in flight, in frames —
 * no longer: rounding up to a power of two (RunRing does not need one)
 * made every ring 1 MiB instead of 0.57 MiB for stereo at 44.1 kHz.
 */
export function ringFrames(sampleRate: number): number {
  return Math.ceil(LOOKAHEAD_SECONDS * sampleRate) + 2 * CHUNK_FRAMES;
}

/** A run as the worker makes it: which node output plays it, and where its frames go. */
export interface WorkerRun {
  readonly id: number;
  readonly nodeId: number;
  readonly channels: number;
  readonly plan: RunPlan;
  /** The ring shared with the worklet; absent when chunks are posted instead (no cross-origin isolation). */
  readonly ring?: SharedArrayBuffer;
  /** The switch gate the run's pass waits on, and the run's slot in it: the worker publishes how far it has written. */
  readonly gate?: { readonly buffer: SharedArrayBuffer; readonly slot: number };
}

/** Page → stream worker. */
export type ToWorker =
  | { readonly type: 'init'; readonly sampleRate: number; readonly baseUrl: string; readonly index: number }
  | { readonly type: 'open'; readonly sha256: string }
  | { readonly type: 'node'; readonly nodeId: number; readonly port: MessagePort }
  | { readonly type: 'run'; readonly run: WorkerRun }
  | { readonly type: 'drop'; readonly ids: readonly number[] };

/** Stream worker → page. */
export type FromWorker =
  | { readonly type: 'opened'; readonly sha256: string; readonly header: PcmHeader }
  | { readonly type: 'ready'; readonly id: number }
  /** The worker let go of these runs (their rings can serve other runs). */
  | { readonly type: 'dropped'; readonly ids: readonly number[] }
  /** Share of the last second spent rendering (1 = the worker cannot keep up). */
  | { readonly type: 'load'; readonly index: number; readonly busy: number; readonly framesPerSecond: number }
  | { readonly type: 'error'; readonly sha256: string; readonly message: string };

/** Page → a track's stream node (its port). */
export type ToNode =
  /** A run to play from frame `from`; with a gate, only from the frame the gate opens at (counted from `base`, the pass's anchor). */
  | {
      readonly type: 'run';
      readonly id: number;
      readonly output: number;
      readonly from: number;
      readonly to: number;
      readonly ring?: SharedArrayBuffer;
      readonly gate?: SharedArrayBuffer;
      readonly base?: number;
    }
  /** Ends a run at frame `at`; with a gate, at the frame the gate opens at (counted from `at`), fading out across the switch. */
  | { readonly type: 'cut'; readonly id: number; readonly at: number; readonly gate?: SharedArrayBuffer }
  /** The node leaves the graph: it forgets its runs and stops processing. */
  | { readonly type: 'close' }
  | { readonly type: 'worker'; readonly port: MessagePort };

/** Stream worker ↔ a track's stream node, over their own channel (chunks where there is no shared memory; frames played). */
export type WorkerToNode = { readonly type: 'data'; readonly id: number; readonly offset: number; readonly channels: Float32Array[] };
export type NodeToWorker = { readonly type: 'played'; readonly id: number; readonly frames: number };

/** A track's stream node → page: underruns so far, runs that finished playing. */
export type FromNode = { readonly type: 'status'; readonly underruns: number; readonly missingFrames: number; readonly ended: readonly number[] };
