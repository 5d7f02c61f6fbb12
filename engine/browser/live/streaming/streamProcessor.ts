/**
 * A track's stream node on the audio thread: one output per clip, each
 * playing the runs the engine anchors on it — frames from the run's shared
 * ring, or from chunks the stream worker posted — at their exact context
 * frames. A frame that has not arrived in time plays as silence and is
 * counted (an underrun), never an error. Gains, fades and effects follow in
 * the ordinary Web Audio graph, as offline.
 */
import { ChunkQueue } from '../../../common/streaming/ChunkQueue';
import { RunRing } from '../../../common/streaming/RunRing';
import { SwitchGate } from '../../../common/streaming/SwitchGate';
import { START_FRAMES, SWITCH_FADE_FRAMES, type FromNode, type NodeToWorker, type ToNode, type WorkerToNode } from './streamMessages';

declare const currentFrame: number;
declare function registerProcessor(name: string, processor: unknown): void;
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
}

interface PlayingRun {
  readonly id: number;
  readonly output: number;
  /** The context frame of the run's frame 0. */
  readonly from: number;
  /** Where it starts playing: `from`, or where its gate opens (Infinity until then). */
  start: number;
  to: number;
  readonly frames: RunRing | ChunkQueue;
  started: boolean;
  /** The gate the run takes over at, and its pass's anchor. */
  gate: { readonly gate: SwitchGate; readonly base: number } | null;
  /** Gates the run is cut at (it fades out at the first to open), and the frames they count from. */
  readonly cutGates: { readonly gate: SwitchGate; readonly base: number }[];
  /** Where it fades in (taking over mid-way) and where it starts fading out (cut at a gate); null: no fade. */
  fadeIn: number | null;
  fadeOut: number | null;
}

/** Render quanta between status reports (~46 ms at 44.1 kHz). */
const REPORT_EVERY = 16;

class StreamProcessor extends AudioWorkletProcessor {
  private readonly runs = new Map<number, PlayingRun>();
  private readonly queues = new Map<number, ChunkQueue>();
  private worker: MessagePort | null = null;
  private underruns = 0;
  private missingFrames = 0;
  private ended: number[] = [];
  private quanta = 0;
  private reported = -1;
  private closed = false;
  /** Per channel count, buffers a run is read into before it is added to its output (made once: the audio thread should not allocate). */
  private readonly scratch = new Map<number, Float32Array[]>();

  constructor() {
    super();
    this.port.onmessage = (event: MessageEvent<ToNode>) => {
      const message = event.data;
      if (message.type === 'worker') {
        this.worker = message.port;
        this.worker.onmessage = (e: MessageEvent<WorkerToNode>) => this.queueOf(e.data.id).push({ offset: e.data.offset, channels: e.data.channels });
      } else if (message.type === 'close') {
        this.closed = true;
        this.runs.clear();
        this.queues.clear();
        this.worker?.close();
        // Its own port too: an open port with a listener would keep this processor alive on the audio thread.
        this.port.close();
      } else if (message.type === 'run') {
        const gate = message.gate ? { gate: new SwitchGate(message.gate), base: message.base ?? message.from } : null;
        this.runs.set(message.id, {
          id: message.id,
          output: message.output,
          from: message.from,
          start: gate ? Infinity : message.from,
          to: message.to,
          frames: message.ring ? new RunRing(message.ring) : this.queueOf(message.id),
          started: false,
          gate,
          cutGates: [],
          fadeIn: null,
          fadeOut: null,
        });
      } else {
        const run = this.runs.get(message.id);
        if (run && message.gate) run.cutGates.push({ gate: new SwitchGate(message.gate), base: message.at });
        else if (run) run.to = Math.min(run.to, message.at);
      }
    };
  }

  process(_inputs: Float32Array[][], outputs: Float32Array[][]): boolean {
    if (this.closed) return false;
    for (const output of outputs) for (const channel of output) channel.fill(0);
    const first = currentFrame;
    const quantum = outputs[0]?.[0]?.length ?? 128;
    for (const run of this.runs.values()) {
      this.followGates(run, first + quantum, quantum);
      if (run.to <= first) {
        this.finish(run);
        continue;
      }
      const a = Math.max(run.start, first);
      const b = Math.min(run.to, first + quantum);
      const output = outputs[run.output];
      if (b <= a || !output) continue;
      if (!run.started) {
        run.started = true;
        // Anchored too late to play its first frames: those are lost, and counted.
        if (a > run.start) this.count(a - run.start);
      }
      const missing = this.readAdding(run, a, b, output, first);
      if (missing > 0) this.count(missing);
    }
    if (++this.quanta % REPORT_EVERY === 0) this.report();
    return true;
  }

  /**
   * Where a change takes over: a run waiting at a gate starts where the
   * gate opens (this node may open it, for the quantum after this one, so
   * every node switches at the same frame), fading in if it takes over
   * mid-way; a run cut at a gate fades out from there.
   */
  private followGates(run: PlayingRun, next: number, quantum: number): void {
    if (run.gate) {
      // An anchor within the next quantum is still ahead of every node: the switch can be exactly there.
      const ahead = next - run.gate.base;
      run.gate.gate.passing(ahead);
      const at = run.gate.gate.decide(ahead > -quantum ? Math.max(ahead, 0) : ahead, START_FRAMES);
      if (at !== null) {
        const frame = run.gate.base + at;
        run.start = Math.max(run.from, frame);
        if (run.from < frame) run.fadeIn = frame;
        run.gate = null;
      }
    }
    for (let k = 0; k < run.cutGates.length; k++) {
      const { gate, base } = run.cutGates[k]!;
      const at = gate.switchFrame;
      if (at === null) continue;
      const frame = base + at;
      // A run that never started (its own gate still closed) just ends; one playing fades out across the switch.
      if (run.start === Infinity || frame <= run.start) run.to = Math.min(run.to, frame);
      else if (frame < run.to && run.fadeOut === null) {
        run.fadeOut = frame;
        run.to = Math.min(run.to, frame + SWITCH_FADE_FRAMES);
      }
      run.cutGates.splice(k--, 1);
    }
  }

  /**
   * Frames [a, b) of a run added into `output` — added, not copied: across
   * a switch the old and the new run of a clip share its output — faded
   * where it fades. Returns how many frames were missing.
   */
  private readAdding(run: PlayingRun, a: number, b: number, output: Float32Array[], first: number): number {
    const count = b - a;
    let scratch = this.scratch.get(output.length);
    if (!scratch || scratch[0]!.length < count)
      this.scratch.set(output.length, (scratch = Array.from({ length: output.length }, () => new Float32Array(Math.max(128, count)))));
    const missing = run.frames.readInto(a - run.from, count, scratch, 0);
    const fading = (run.fadeIn !== null && a < run.fadeIn + SWITCH_FADE_FRAMES) || (run.fadeOut !== null && b > run.fadeOut);
    if (!fading) {
      for (let c = 0; c < output.length; c++) {
        const target = output[c]!;
        const source = scratch[c]!;
        for (let i = 0, j = a - first; i < count; i++, j++) target[j]! += source[i]!;
      }
      return missing;
    }
    for (let i = 0; i < count; i++) {
      const frame = a + i;
      let gain = 1;
      // Raised-cosine halves that sum to one: the same music from two stretchers stays level across the switch.
      if (run.fadeIn !== null && frame < run.fadeIn + SWITCH_FADE_FRAMES) gain *= 0.5 - 0.5 * Math.cos((Math.PI * (frame - run.fadeIn)) / SWITCH_FADE_FRAMES);
      if (run.fadeOut !== null && frame >= run.fadeOut) gain *= 0.5 + 0.5 * Math.cos((Math.PI * (frame - run.fadeOut)) / SWITCH_FADE_FRAMES);
      for (let c = 0; c < output.length; c++) output[c]![a - first + i]! += scratch[c]![i]! * gain;
    }
    return missing;
  }

  private count(missing: number): void {
    this.underruns++;
    this.missingFrames += missing;
  }

  private queueOf(id: number): ChunkQueue {
    let queue = this.queues.get(id);
    if (!queue) this.queues.set(id, (queue = new ChunkQueue()));
    return queue;
  }

  private finish(run: PlayingRun): void {
    this.runs.delete(run.id);
    this.queues.delete(run.id);
    this.ended.push(run.id);
  }

  /** Frames played go to the worker (it renders ahead of them); underruns and finished runs to the page. */
  private report(): void {
    if (this.worker)
      for (const run of this.runs.values())
        if (run.frames instanceof ChunkQueue) this.worker.postMessage({ type: 'played', id: run.id, frames: run.frames.read } satisfies NodeToWorker);
    if (this.ended.length > 0 || this.underruns !== this.reported) {
      this.port.postMessage({ type: 'status', underruns: this.underruns, missingFrames: this.missingFrames, ended: this.ended } satisfies FromNode);
      this.reported = this.underruns;
      this.ended = [];
    }
  }
}

registerProcessor('stemroom-stream', StreamProcessor);
