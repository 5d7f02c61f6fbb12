import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { PartitionedConvolver } from '../common/dsp/PartitionedConvolver';
import { runTrackStages, type RunTrackStages, type TrackStagesJob } from '../common/render/trackStages';
import { loadPffft } from './loadPffft';

/** Idle workers stop after this long (their WASM heaps go with them). */
const IDLE_MS = 15_000;
/** A signal shorter than this runs on the calling thread: less work than starting a worker. */
const WORKER_MIN_SECONDS = 20;

interface Task {
  readonly job: TrackStagesJob;
  resolve(channels: Float32Array[]): void;
  reject(error: Error): void;
}

/**
 * Runs render jobs of block-DSP track stages on worker threads — one per
 * core — so a render's tracks use every core: the calling thread only
 * hands signals over (transferred, not copied) and takes them back. The
 * workers are kept a while for the next render, and never keep the
 * process alive when idle. Where no worker starts, and for short signals,
 * the same code runs on the calling thread (same samples: it is
 * deterministic).
 *
 * @example
 * const environment = { ...base, runTrackStages: TrackStagesPool.shared().run };
 */
export class TrackStagesPool {
  private static instance: TrackStagesPool | undefined;
  private readonly idle: Worker[] = [];
  private readonly queue: Task[] = [];
  private running = 0;
  private workersFailed = false;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(private readonly size = Math.max(1, os.availableParallelism())) {}

  /** The pool of this thread. */
  static shared(): TrackStagesPool {
    return (TrackStagesPool.instance ??= new TrackStagesPool());
  }

  readonly run: RunTrackStages = (job) => {
    const seconds = (job.channels[0]?.length ?? 0) / job.sampleRate;
    if (this.workersFailed || seconds < WORKER_MIN_SECONDS) return runHere(job);
    return new Promise((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      this.pump();
    });
  };

  private pump(): void {
    clearTimeout(this.idleTimer);
    while (this.queue.length > 0 && (this.idle.length > 0 || this.running + this.idle.length < this.size)) {
      const worker = this.idle.pop() ?? this.start();
      const task = this.queue.shift()!;
      if (!worker) {
        runHere(task.job).then(task.resolve, task.reject);
        continue;
      }
      this.running++;
      this.dispatch(worker, task);
    }
  }

  private dispatch(worker: Worker, task: Task): void {
    worker.ref();
    let heard = false;
    const done = (keep: boolean) => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      this.running--;
      if (keep) {
        worker.unref();
        this.idle.push(worker);
      } else void worker.terminate();
      this.pump();
      if (this.queue.length === 0 && this.running === 0) this.stopWhenIdle();
    };
    const onMessage = (reply: { channels: Float32Array[] } | { error: string }) => {
      heard = true;
      done(true);
      if ('channels' in reply) task.resolve(reply.channels);
      else task.reject(new Error(reply.error));
    };
    // A worker that dies before answering could not start (a broken install): this thread does the work from now on.
    const onFailure = (error: Error) => {
      done(false);
      if (heard) task.reject(error);
      else {
        this.workersFailed = true;
        runHere(task.job).then(task.resolve, task.reject);
      }
    };
    const onError = (error: Error) => onFailure(error);
    const onExit = (code: number) => onFailure(new Error(`a render worker stopped (exit code ${code})`));
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    const buffers = [...task.job.channels, ...task.job.stages.flatMap((s) => (s.kind === 'envelope' ? [s.envelope] : []))].map((c) => c.buffer as ArrayBuffer);
    worker.postMessage({ job: task.job }, [...new Set(buffers)]);
  }

  private start(): Worker | null {
    try {
      const script = workerScript();
      const worker = new Worker(script, { eval: typeof script === 'string', execArgv: [] });
      worker.unref();
      // An idle worker's failure has nobody to tell; a busy one's reaches its job (dispatch).
      worker.on('error', () => undefined);
      return worker;
    } catch {
      this.workersFailed = true;
      return null;
    }
  }

  private stopWhenIdle(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      for (const worker of this.idle.splice(0)) void worker.terminate();
    }, IDLE_MS);
    this.idleTimer.unref();
  }
}

async function runHere(job: TrackStagesJob): Promise<Float32Array[]> {
  const pffft = await loadPffft();
  return runTrackStages(job, (impulse) => new PartitionedConvolver(pffft, impulse));
}

/**
 * The worker script beside this module: the bundled .mjs in a build (kept
 * outside a packaged app's asar archive, where a worker can load it), or,
 * running from source (tests, benchmarks), the TypeScript file through
 * tsx's loader registered inside the worker (Node 20 workers do not inherit it).
 */
function workerScript(): string | URL {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new URL(new URL('./trackStagesWorker.mjs', here).href.replace('/app.asar/', '/app.asar.unpacked/'));
  const script = new URL('./trackStagesWorker.ts', here).href;
  return `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(script)}); });`;
}
