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
import type { FromNode, NodeToWorker, ToNode, WorkerToNode } from './streamMessages';

declare const currentFrame: number;
declare function registerProcessor(name: string, processor: unknown): void;
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
}

interface PlayingRun {
  readonly id: number;
  readonly output: number;
  readonly from: number;
  to: number;
  readonly frames: RunRing | ChunkQueue;
  started: boolean;
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
        this.runs.set(message.id, { id: message.id, output: message.output, from: message.from, to: message.to, frames: message.ring ? new RunRing(message.ring) : this.queueOf(message.id), started: false });
      } else {
        const run = this.runs.get(message.id);
        if (run) run.to = Math.min(run.to, message.at);
      }
    };
  }

  process(_inputs: Float32Array[][], outputs: Float32Array[][]): boolean {
    if (this.closed) return false;
    for (const output of outputs) for (const channel of output) channel.fill(0);
    const first = currentFrame;
    const quantum = outputs[0]?.[0]?.length ?? 128;
    for (const run of this.runs.values()) {
      if (run.to <= first) {
        this.finish(run);
        continue;
      }
      const a = Math.max(run.from, first);
      const b = Math.min(run.to, first + quantum);
      const output = outputs[run.output];
      if (b <= a || !output) continue;
      if (!run.started) {
        run.started = true;
        // Anchored too late to play its first frames: those are lost, and counted.
        if (a > run.from) this.count(a - run.from);
      }
      const missing = run.frames.readInto(a - run.from, b - a, output, a - first);
      if (missing > 0) this.count(missing);
    }
    if (++this.quanta % REPORT_EVERY === 0) this.report();
    return true;
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
    if (this.worker) for (const run of this.runs.values()) if (run.frames instanceof ChunkQueue) this.worker.postMessage({ type: 'played', id: run.id, frames: run.frames.read } satisfies NodeToWorker);
    if (this.ended.length > 0 || this.underruns !== this.reported) {
      this.port.postMessage({ type: 'status', underruns: this.underruns, missingFrames: this.missingFrames, ended: this.ended } satisfies FromNode);
      this.reported = this.underruns;
      this.ended = [];
    }
  }
}

registerProcessor('stemroom-stream', StreamProcessor);
