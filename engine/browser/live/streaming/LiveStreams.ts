import type { PcmHeader } from '../../../common/pcm/pcmCacheFormat';
import type { RunPlan } from '../../../common/streaming/planRun';
import { RunRing } from '../../../common/streaming/RunRing';
import { Store } from '../../Store';
import { ringFrames, type FromNode, type FromWorker, type ToNode, type ToWorker } from './streamMessages';
import streamProcessorUrl from './streamProcessor.ts?worker&url';

/** Stream workers at most (a core each, when there are cores to spare). */
const MAX_WORKERS = 2;
/** Rings kept for reuse, per channel count (0.57 MiB each for stereo at 44.1 kHz). */
const MAX_FREE_RINGS = 48;

/**
 * How live streaming is doing: underruns, missing frames, shared memory or not, the busiest worker's load, an error.
 *
 * @example
 * const { underruns, sharedMemory, workerLoad } = engine.streamStats;
 */
export interface StreamStats {
  /** Render quanta in which some run had frames missing (played as silence). */
  readonly underruns: number;
  readonly missingFrames: number;
  /** Whether runs' audio goes through shared memory (the page is cross-origin isolated) or as posted chunks. */
  readonly sharedMemory: boolean;
  /** The busiest stream worker's share of the last second spent rendering. */
  readonly workerLoad: number;
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
  /** The switch gate the run takes over at (anchored with `anchorAtGate`). */
  readonly gate?: SharedArrayBuffer;
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
  /** Stream workers: tracks are shared out between them, so stretching sixteen streams uses more than one core. */
  private readonly workers: Worker[];
  private readonly headers = new Map<string, { resolve: (h: PcmHeader) => void; reject: (e: Error) => void; promise: Promise<PcmHeader> }>();
  private readonly readiness = new Map<number, () => void>();
  private readonly loads: number[] = [];
  private readonly rings = new Map<number, SharedArrayBuffer>();
  private readonly nodeRuns = new Map<number, Set<number>>();
  private readonly freeRings = new Map<number, SharedArrayBuffer[]>();
  private readonly nodeStats = new Map<number, { underruns: number; missingFrames: number }>();
  private readonly nodes = new Set<StreamNode>();
  private readonly shared = typeof SharedArrayBuffer === 'function' && globalThis.crossOriginIsolated === true;
  private module: Promise<void> | undefined;
  private nextNode = 1;
  private nextRun = 1;

  constructor(private readonly context: BaseAudioContext) {
    this.stats = new Store<StreamStats>({ underruns: 0, missingFrames: 0, sharedMemory: this.shared, workerLoad: 0, error: null });
    const count = Math.max(1, Math.min(MAX_WORKERS, navigator.hardwareConcurrency || 1));
    this.workers = Array.from({ length: count }, () => {
      const worker = new Worker(new URL('./streamWorker.ts', import.meta.url), { type: 'module' });
      worker.onmessage = (event: MessageEvent<FromWorker>) => this.receive(event.data);
      worker.onerror = (event) => this.stats.set({ error: `The audio stream stopped: ${event.message}` });
      worker.postMessage({
        type: 'init',
        sampleRate: context.sampleRate,
        baseUrl: new URL('./pcm/', location.href).href,
        index: this.loads.length,
      } satisfies ToWorker);
      this.loads.push(0);
      return worker;
    });
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
      this.send(0, { type: 'open', sha256 });
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
    this.send(id, { type: 'node', nodeId: id, port: channel.port2 }, [channel.port2]);
    const stream = { id, node };
    this.nodes.add(stream);
    return stream;
  }

  /** Whether runs' audio goes through shared memory (switch gates need it too). */
  get sharedMemory(): boolean {
    return this.shared;
  }

  /**
   * Hands a run to the worker, which starts rendering it; `ready` once its
   * first piece (START_FRAMES) is rendered. With a gate (shared memory
   * only), the worker publishes its progress in the gate's slot `slot`.
   */
  make(plan: RunPlan, node: StreamNode, output: number, channels: number, gate?: { buffer: SharedArrayBuffer; slot: number }): StreamRun {
    const id = this.nextRun++;
    const ring = this.shared ? this.takeRing(channels) : undefined;
    if (ring) this.rings.set(id, ring);
    this.runsOf(node.id).add(id);
    const ready = new Promise<void>((resolve) => this.readiness.set(id, resolve));
    this.send(node.id, { type: 'run', run: { id, nodeId: node.id, channels, plan, ...(ring ? { ring } : {}), ...(ring && gate ? { gate } : {}) } });
    return { id, plan, node, output, ...(ring ? { ring } : {}), ...(ring && gate ? { gate: gate.buffer } : {}), ready };
  }

  /**
   * Places a run on its node output: its first frame plays at context
   * frame `anchor + plan.offset` — or, for a run made with a gate, it takes
   * over where the gate opens (counted from `anchor`).
   */
  anchor(run: StreamRun, anchor: number): void {
    const from = anchor + run.plan.offset;
    const gate = run.gate ? { gate: run.gate, base: anchor } : {};
    run.node.node.port.postMessage({
      type: 'run',
      id: run.id,
      output: run.output,
      from,
      to: from + run.plan.frames,
      ...(run.ring ? { ring: run.ring } : {}),
      ...gate,
    } satisfies ToNode);
  }

  /** Stops an anchored run at context frame `at` (it ends there; the node reports it and it is dropped). */
  cut(run: StreamRun, at: number): void {
    run.node.node.port.postMessage({ type: 'cut', id: run.id, at } satisfies ToNode);
  }

  /** Stops an anchored run where `gate` opens (counted from frame `base`), fading out across the switch. */
  cutAtGate(run: StreamRun, gate: SharedArrayBuffer, base: number): void {
    run.node.node.port.postMessage({ type: 'cut', id: run.id, at: base, gate } satisfies ToNode);
  }

  /** Forgets runs that were never anchored (the worker stops rendering them). */
  drop(runs: readonly StreamRun[]): void {
    if (runs.length === 0) return;
    for (const run of runs) {
      this.readiness.delete(run.id);
      this.send(run.node.id, { type: 'drop', ids: [run.id] });
    }
  }

  /** Takes a node out of service: it stops, and the worker drops every run it had. */
  closeNode(node: StreamNode): void {
    node.node.port.postMessage({ type: 'close' } satisfies ToNode);
    // A port with a listener is a pending activity: left open, it would keep the node, and through the
    // listener this object with every ring it holds, alive for the page's lifetime (seen: ~48 MiB per
    // studio opened). Messages already posted are still delivered.
    node.node.port.onmessage = null;
    node.node.port.close();
    this.nodes.delete(node);
    const runs = [...this.runsOf(node.id)];
    this.nodeRuns.delete(node.id);
    if (runs.length > 0) this.send(node.id, { type: 'drop', ids: runs });
  }

  private runsOf(nodeId: number): Set<number> {
    let runs = this.nodeRuns.get(nodeId);
    if (!runs) this.nodeRuns.set(nodeId, (runs = new Set()));
    return runs;
  }

  /** Stops the workers and lets go of every node and ring (a closed studio must not keep its memory). */
  dispose(): void {
    for (const node of [...this.nodes]) this.closeNode(node);
    for (const worker of this.workers) worker.terminate();
    this.rings.clear();
    this.freeRings.clear();
    this.nodeRuns.clear();
    this.readiness.clear();
  }

  private receive(message: FromWorker): void {
    if (message.type === 'opened') this.headers.get(message.sha256)?.resolve(message.header);
    else if (message.type === 'dropped') for (const id of message.ids) this.forget(id);
    else if (message.type === 'load') {
      this.loads[message.index] = message.busy;
      void `stream worker ${message.index}: ${Math.round(message.busy * 100)} % busy, ${Math.round(message.framesPerSecond)} frames/s`;
      this.stats.set({ workerLoad: Math.max(...this.loads) });
    } else if (message.type === 'ready') {
      this.readiness.get(message.id)?.();
      this.readiness.delete(message.id);
    } else {
      this.headers.get(message.sha256)?.reject(new Error(message.message));
      this.stats.set({ error: `The audio ${message.sha256.slice(0, 12)}… cannot be streamed: ${message.message}` });
    }
  }

  /**
   * A ring for a new run: one a finished run gave back, or a new one.
   * Rings are reused rather than left to the garbage collector: the audio
   * thread allocates almost nothing, so it hardly ever collects, and every
   * ring it ever saw would stay in memory.
   */
  private takeRing(channels: number): SharedArrayBuffer {
    const ring = this.freeRings.get(channels)?.pop();
    if (!ring) return RunRing.create(channels, ringFrames(this.context.sampleRate));
    RunRing.reset(ring);
    return ring;
  }

  /** A run the worker dropped (its node had finished it, never saw it, or was closed): its ring can serve another. */
  private forget(id: number): void {
    for (const runs of this.nodeRuns.values()) runs.delete(id);
    const ring = this.rings.get(id);
    if (!ring) return;
    this.rings.delete(id);
    const channels = new RunRing(ring).channels;
    const free = this.freeRings.get(channels) ?? [];
    if (free.length < MAX_FREE_RINGS) free.push(ring);
    this.freeRings.set(channels, free);
  }

  private nodeStatus(id: number, status: FromNode): void {
    this.nodeStats.set(id, { underruns: status.underruns, missingFrames: status.missingFrames });
    if (status.ended.length > 0) this.send(id, { type: 'drop', ids: status.ended });
    let underruns = 0;
    let missingFrames = 0;
    for (const s of this.nodeStats.values()) [underruns, missingFrames] = [underruns + s.underruns, missingFrames + s.missingFrames];
    this.stats.set({ underruns, missingFrames });
  }

  /** To the worker serving node `nodeId` (worker 0 for anything else). */
  private send(nodeId: number, message: ToWorker, transfer: Transferable[] = []): void {
    this.workers[nodeId % this.workers.length]!.postMessage(message, transfer);
  }
}
