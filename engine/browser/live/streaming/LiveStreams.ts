import type { PcmHeader } from '../../../common/pcm/pcmCacheFormat';
import type { RunPlan } from '../../../common/streaming/planRun';
import { RunRing } from '../../../common/streaming/RunRing';
import { Store } from '../../Store';
import { ringFrames, type FromNode, type FromWorker, type ToNode, type ToWorker } from './streamMessages';
import streamProcessorUrl from './streamProcessor.ts?worker&url';

export interface StreamStats {
  /** Render quanta in which some run had frames missing (played as silence). */
  readonly underruns: number;
  readonly missingFrames: number;
  /** Whether runs' audio goes through shared memory (the page is cross-origin isolated) or as posted chunks. */
  readonly sharedMemory: boolean;
  readonly error: string | null;
}

/** A track's stream node: output k plays the runs of the track's clip k. */
export interface StreamNode {
  readonly id: number;
  readonly node: AudioWorkletNode;
}

/** A run handed to the worker, not yet (or already) placed on a node output. */
export interface StreamRun {
  readonly id: number;
  readonly plan: RunPlan;
  readonly node: StreamNode;
  readonly output: number;
  readonly ring?: SharedArrayBuffer;
  readonly ready: Promise<void>;
}

/**
 * The page's side of live streaming: starts the stream worker, loads the
 * stream node's worklet, creates one node per track, and moves runs
 * through their life — made (the worker starts rendering), anchored on a
 * node output at a context frame, cut, dropped. Counts underruns the nodes
 * report. Shared memory where the page is cross-origin isolated, posted
 * chunks otherwise.
 *
 * @example
 * const streams = new LiveStreams(context);
 * const node = await streams.createNode([2, 2]);
 * const run = streams.make(plan, node, 0); await run.ready;
 * streams.anchor(run, frameOfStart);
 */
export class LiveStreams {
  readonly stats: Store<StreamStats>;
  private readonly worker: Worker;
  private readonly headers = new Map<string, { resolve: (h: PcmHeader) => void; reject: (e: Error) => void; promise: Promise<PcmHeader> }>();
  private readonly readiness = new Map<number, () => void>();
  private readonly nodeStats = new Map<number, { underruns: number; missingFrames: number }>();
  private readonly shared = typeof SharedArrayBuffer === 'function' && globalThis.crossOriginIsolated === true;
  private module: Promise<void> | undefined;
  private nextNode = 1;
  private nextRun = 1;

  constructor(private readonly context: BaseAudioContext) {
    this.stats = new Store<StreamStats>({ underruns: 0, missingFrames: 0, sharedMemory: this.shared, error: null });
    this.worker = new Worker(new URL('./streamWorker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (event: MessageEvent<FromWorker>) => this.receive(event.data);
    this.worker.onerror = (event) => this.stats.set({ error: `The audio stream stopped: ${event.message}` });
    this.send({ type: 'init', sampleRate: context.sampleRate, baseUrl: new URL('./pcm/', location.href).href });
  }

  /** A source's PCM header (rate, channels, frames), read once over a range request. */
  header(sha256: string): Promise<PcmHeader> {
    let entry = this.headers.get(sha256);
    if (!entry) {
      let resolve!: (h: PcmHeader) => void;
      let reject!: (e: Error) => void;
      const promise = new Promise<PcmHeader>((res, rej) => ([resolve, reject] = [res, rej]));
      promise.catch(() => this.headers.delete(sha256));
      this.headers.set(sha256, (entry = { resolve, reject, promise }));
      this.send({ type: 'open', sha256 });
    }
    return entry.promise;
  }

  /** A node with one output per clip, each with that clip's channel count. */
  async createNode(outputChannels: readonly number[]): Promise<StreamNode> {
    this.module ??= this.context.audioWorklet.addModule(streamProcessorUrl);
    await this.module;
    const id = this.nextNode++;
    const node = new AudioWorkletNode(this.context, 'stemroom-stream', {
      numberOfInputs: 0,
      numberOfOutputs: Math.max(1, outputChannels.length),
      outputChannelCount: outputChannels.length ? [...outputChannels] : [1],
    });
    node.port.onmessage = (event: MessageEvent<FromNode>) => this.nodeStatus(id, event.data);
    const channel = new MessageChannel();
    node.port.postMessage({ type: 'worker', port: channel.port1 } satisfies ToNode, [channel.port1]);
    this.send({ type: 'node', nodeId: id, port: channel.port2 }, [channel.port2]);
    return { id, node };
  }

  /** Hands a run to the worker, which starts rendering it; `ready` once its first quarter second is rendered. */
  make(plan: RunPlan, node: StreamNode, output: number, channels: number): StreamRun {
    const id = this.nextRun++;
    const ring = this.shared ? RunRing.create(channels, ringFrames(this.context.sampleRate)) : undefined;
    const ready = new Promise<void>((resolve) => this.readiness.set(id, resolve));
    this.send({ type: 'run', run: { id, nodeId: node.id, channels, plan, ...(ring ? { ring } : {}) } });
    return { id, plan, node, output, ...(ring ? { ring } : {}), ready };
  }

  /** Places a run on its node output: its first frame plays at context frame `anchor + plan.offset`. */
  anchor(run: StreamRun, anchor: number): void {
    const from = anchor + run.plan.offset;
    run.node.node.port.postMessage({ type: 'run', id: run.id, output: run.output, from, to: from + run.plan.frames, ...(run.ring ? { ring: run.ring } : {}) } satisfies ToNode);
  }

  /** Stops an anchored run at context frame `at` (it ends there; the node reports it and it is dropped). */
  cut(run: StreamRun, at: number): void {
    run.node.node.port.postMessage({ type: 'cut', id: run.id, at } satisfies ToNode);
  }

  /** Forgets runs that were never anchored (the worker stops rendering them). */
  drop(runs: readonly StreamRun[]): void {
    if (runs.length === 0) return;
    for (const run of runs) this.readiness.delete(run.id);
    this.send({ type: 'drop', ids: runs.map((r) => r.id) });
  }

  dispose(): void {
    this.worker.terminate();
  }

  private receive(message: FromWorker): void {
    if (message.type === 'opened') this.headers.get(message.sha256)?.resolve(message.header);
    else if (message.type === 'ready') {
      this.readiness.get(message.id)?.();
      this.readiness.delete(message.id);
    } else {
      this.headers.get(message.sha256)?.reject(new Error(message.message));
      this.stats.set({ error: `The audio ${message.sha256.slice(0, 12)}… cannot be streamed: ${message.message}` });
    }
  }

  private nodeStatus(id: number, status: FromNode): void {
    this.nodeStats.set(id, { underruns: status.underruns, missingFrames: status.missingFrames });
    if (status.ended.length > 0) this.send({ type: 'drop', ids: status.ended });
    let underruns = 0;
    let missingFrames = 0;
    for (const s of this.nodeStats.values()) [underruns, missingFrames] = [underruns + s.underruns, missingFrames + s.missingFrames];
    this.stats.set({ underruns, missingFrames });
  }

  private send(message: ToWorker, transfer: Transferable[] = []): void {
    this.worker.postMessage(message, transfer);
  }
}
