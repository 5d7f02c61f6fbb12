/// <reference lib="webworker" />
/**
 * The stream worker: renders every run the engine asks for — source frames
 * read from the PCM cache over HTTP ranges, stretched and pitch-shifted
 * where the tempo or key asks — a little ahead of the audio thread, into
 * each run's shared ring (or as transferred chunks where the page has no
 * shared memory). All the heavy work of live playback happens here, off
 * both the page's main thread and the audio thread.
 */
import { RunRenderer } from '../../../common/streaming/RunRenderer';
import { RunRing } from '../../../common/streaming/RunRing';
import { SwitchGate } from '../../../common/streaming/SwitchGate';
import { createSignalsmith, type SignalsmithWasm } from '../../../common/stretch/loadSignalsmith';
import { BlockBudget } from './BlockBudget';
import { PcmSource } from './PcmSource';
import { directFrames, resampledFrames, type SourceFrames } from './ResampledSource';
import {
  CHUNK_FRAMES,
  LOOKAHEAD_SECONDS,
  START_FRAMES,
  type FromWorker,
  type NodeToWorker,
  type ToWorker,
  type WorkerRun,
  type WorkerToNode,
} from './streamMessages';

/** Work this long, then let messages in. */
const SLICE_MS = 12;
/** Fresh Signalsmith cores kept ready: a tempo change starts a stretcher per clip at once. */
const POOL = 8;
/** A run that fell behind what the audio thread plays resumes this far ahead of it (what it skipped is missing). */
const CATCH_UP_SECONDS = 0.5;
/** The same for a run waiting at a switch gate: the gate opens once it has caught up, so not as far. */
const GATE_CATCH_UP_SECONDS = 0.2;
/** Source blocks are fetched this far ahead of what the next piece reads, so rendering never waits on the network. */
const PREFETCH_SECONDS = 1;
/** PCM blocks this worker's sources may hold: 128 × 256 KiB = 32 MiB. */
const budget = new BlockBudget(128);

interface Run extends WorkerRun {
  readonly renderer: { current: RunRenderer | null };
  readonly sink: RunRing | null;
  readonly switchGate: SwitchGate | null;
  written: number;
  /** Frames before this were skipped (the run fell behind). */
  resumed: number;
  played: number;
  ready: boolean;
  failed: boolean;
}

const scope = self as unknown as DedicatedWorkerGlobalScope;
let sampleRate = 48000;
let baseUrl = './pcm/';
const sources = new Map<string, Promise<SourceFrames>>();
const opened = new Map<string, SourceFrames>();
const ports = new Map<number, MessagePort>();
const runs = new Map<number, Run>();
const cores: SignalsmithWasm[] = [];
const scratch: Float32Array[] = [];
let coresComing = 0;
let pumping = false;
let index = 0;
let busy = 0;
let rendered = 0;
let measuredSince = performance.now();

const post = (message: FromWorker) => scope.postMessage(message);

scope.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  switch (message.type) {
    case 'init':
      sampleRate = message.sampleRate;
      baseUrl = message.baseUrl;
      index = message.index;
      refillCores();
      break;
    case 'open':
      void open(message.sha256);
      break;
    case 'node':
      ports.set(message.nodeId, message.port);
      message.port.onmessage = (e: MessageEvent<NodeToWorker>) => {
        const run = runs.get(e.data.id);
        if (run) run.played = Math.max(run.played, e.data.frames);
        wake();
      };
      break;
    case 'run':
      runs.set(message.run.id, {
        ...message.run,
        renderer: { current: null },
        sink: message.run.ring ? new RunRing(message.run.ring) : null,
        switchGate: message.run.gate ? new SwitchGate(message.run.gate.buffer) : null,
        written: 0,
        resumed: 0,
        played: 0,
        ready: false,
        failed: false,
      });
      void open(message.run.plan.sha256);
      wake();
      break;
    case 'drop':
      for (const id of message.ids) runs.delete(id);
      post({ type: 'dropped', ids: message.ids });
      break;
  }
};

function open(sha256: string): Promise<SourceFrames> {
  let pending = sources.get(sha256);
  if (!pending) {
    pending = PcmSource.open(`${baseUrl}${sha256}`, sha256, budget).then((source) => {
      const frames = source.header.sampleRate === sampleRate ? directFrames(source) : resampledFrames(source, sampleRate);
      opened.set(sha256, frames);
      post({ type: 'opened', sha256, header: source.header });
      wake();
      return frames;
    });
    pending.catch((error: Error) => {
      sources.delete(sha256);
      post({ type: 'error', sha256, message: error.message });
      for (const run of runs.values()) if (run.plan.sha256 === sha256) run.failed = true;
    });
    sources.set(sha256, pending);
  }
  return pending;
}

function refillCores(): void {
  while (cores.length + coresComing < POOL) {
    coresComing++;
    void createSignalsmith().then((core) => {
      coresComing--;
      cores.push(core);
      wake();
    });
  }
}

function wake(): void {
  if (pumping) return;
  pumping = true;
  setTimeout(pump, 0);
}

/** Renders the most urgent runs for one slice of time, then yields. */
function pump(): void {
  const started = performance.now();
  const lookahead = Math.round(LOOKAHEAD_SECONDS * sampleRate);
  const stalled = new Set<Run>();
  let worked = false;
  while (performance.now() - started < SLICE_MS) {
    let next: Run | undefined;
    for (const run of runs.values()) {
      if (run.failed || stalled.has(run) || run.written >= run.plan.frames) continue;
      const ahead = run.written - played(run);
      if (ahead >= lookahead) continue;
      if (!next || ahead < next.written - played(next)) next = run;
    }
    if (!next) break;
    try {
      if (step(next, lookahead)) worked = true;
      else stalled.add(next);
    } catch (error) {
      // A run that cannot be rendered is silence (its frames count as missing); the others go on.
      next.failed = true;
      post({ type: 'error', sha256: next.plan.sha256, message: (error as Error).message });
    }
  }
  // New cores wait while runs are starting (a change's stretchers compete with them for this thread), unless none are left.
  if (cores.length === 0 || ![...runs.values()].some((run) => !run.ready && !run.failed)) refillCores();
  pumping = false;
  busy += performance.now() - started;
  const now = performance.now();
  if (now - measuredSince >= 1000) {
    post({ type: 'load', index, busy: busy / (now - measuredSince), framesPerSecond: (rendered * 1000) / (now - measuredSince) });
    busy = 0;
    rendered = 0;
    measuredSince = now;
  }
  // Busy: carry on at once. Idle or waiting for blocks: look again soon (the audio thread moves on meanwhile).
  if (worked) wake();
  else setTimeout(wake, 10);
}

function played(run: Run): number {
  // Waiting at a switch gate, a run plays nothing yet, but what the audio thread passes meanwhile will never be heard.
  const now = run.switchGate && run.switchGate.switchFrame === null ? run.switchGate.now : null;
  if (now !== null) return Math.max(run.sink!.read, now - run.plan.offset);
  return run.sink ? run.sink.read : run.played;
}

/** Whether `run` waits at a switch gate that has not opened. */
function waiting(run: Run): boolean {
  return run.switchGate !== null && run.switchGate.switchFrame === null;
}

/** Renders the next piece of a run; false when it cannot move now (blocks loading, ring full, no core yet). */
function step(run: Run, lookahead: number): boolean {
  const frames = opened.get(run.plan.sha256);
  if (!frames) return false;
  const renderer = (run.renderer.current ??= new RunRenderer(
    run.plan,
    run.channels,
    sampleRate,
    (from, count, into) => frames.read(from, count, into),
    () => cores.pop(),
  ));
  if (run.written < played(run)) {
    // Behind what is already playing: rendering those frames is wasted; carry on a little ahead of the audio thread.
    run.written = Math.min(run.plan.frames, played(run) + Math.round((waiting(run) ? GATE_CATCH_UP_SECONDS : CATCH_UP_SECONDS) * sampleRate));
    run.resumed = run.written;
    renderer.skipTo(run.written);
    if (run.written >= run.plan.frames) return false;
  }
  if (waiting(run)) run.sink!.release(played(run));
  const room = run.sink ? run.sink.read + run.sink.capacity - run.written : Infinity;
  const count = Math.min(CHUNK_FRAMES, run.plan.frames - run.written, lookahead - (run.written - played(run)), room);
  if (count <= 0) return false;
  const span = renderer.inputNeeded(count);
  try {
    frames.ensure(span.to, span.to + Math.round(PREFETCH_SECONDS * sampleRate));
    if (!frames.ensure(span.from, span.to)) return false;
  } catch (error) {
    run.failed = true;
    post({ type: 'error', sha256: run.plan.sha256, message: (error as Error).message });
    return false;
  }
  // Into the ring through one reused scratch buffer; posted chunks must be their own (they are transferred).
  const out = Array.from({ length: run.channels }, (_, c) =>
    run.sink ? (scratch[c] ??= new Float32Array(CHUNK_FRAMES)).subarray(0, count) : new Float32Array(count),
  );
  const made = renderer.render(out, 0, count);
  if (made === 0) return false;
  if (run.sink) run.sink.write(out, made, 0, run.written);
  else {
    const channels = out.map((c) => (made === count ? c : c.slice(0, made)));
    ports.get(run.nodeId)?.postMessage(
      { type: 'data', id: run.id, offset: run.written, channels } satisfies WorkerToNode,
      channels.map((c) => c.buffer),
    );
  }
  run.written += made;
  rendered += made;
  run.switchGate?.wrote(run.gate!.slot, run.written, run.resumed);
  if (!run.ready && run.written >= Math.min(run.plan.frames, START_FRAMES)) {
    run.ready = true;
    post({ type: 'ready', id: run.id });
  }
  return true;
}
