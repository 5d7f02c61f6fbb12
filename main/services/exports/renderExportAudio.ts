import { Worker } from 'node:worker_threads';
import { ServiceError } from '../ServiceError';
import type { TaskHandle } from '../TaskRegistry';
import type { TagSet } from '../../media/metadata/TagSet';
import { runExportAudioJob, type ExportAudioFacts, type ExportAudioRequest } from './exportAudioJob';
import { encodedFromParts } from './encodeExport';
import type { ExportWorkerReply, ExportWorkerRequest } from './exportWorkerMessages';

/** The export's audio, rendered off this thread: its facts, and the file around it once the record's tags are known. */
export interface RenderedExportAudio {
  readonly facts: ExportAudioFacts;
  /** The file as parts written one after another (the audio is not copied again). */
  withTags(tags: TagSet): Buffer[];
  /** Where the audio work ran: a worker thread, or this one when no worker could start. */
  readonly thread: 'worker' | 'main';
}

/** A worker left idle this long is stopped (its render buffers and WASM go with it). */
const IDLE_MS = 20_000;

let idle: { worker: Worker; timer: NodeJS.Timeout } | null = null;

/**
 * Renders, limits, measures, encodes and hashes an export's audio on a
 * worker thread (exportAudioWorker), so the main process — the window, the
 * contract — stays responsive for the whole export; progress arrives on
 * `task`, and cancelling the task stops the worker at once. The encoded
 * audio comes back transferred, not copied, and the tagged file is written
 * around it in parts (a WAV's PCM is never copied). The worker is kept a little while for the
 * next export. If no worker can be started (or it dies before saying
 * anything), the same job runs here (same audio: the job is deterministic).
 *
 * @example
 * const audio = await renderExportAudio({ document, storeRoot, tmpDir, outputRate: 44100, normalizeLufs: null, format: 'wav', bitDepth: 24 }, task);
 * const file = audio.withTags(exportTags(record));
 */
export async function renderExportAudio(request: ExportAudioRequest, task: TaskHandle): Promise<RenderedExportAudio> {
  const worker = takeWorker();
  if (worker) {
    worker.ref();
    const replies = new Replies(worker, task.signal);
    try {
      worker.postMessage({ job: request } satisfies ExportWorkerRequest);
      const { facts, parts } = await replies.next('rendered', (progress) => task.progress(progress.label, progress.done, progress.total));
      replies.stop();
      keepIdle(worker);
      const encoded = encodedFromParts(parts);
      return { facts, withTags: (tags) => encoded.withTags(tags), thread: 'worker' };
    } catch (error) {
      replies.stop();
      void worker.terminate();
      // A worker that died before saying anything could not load (a broken install or package): do the job here instead.
      if (replies.heard || error instanceof ServiceError) throw error;
    }
  }
  const audio = await runExportAudioJob(request, task.progress, task.signal).catch(rethrowCancelled);
  return { facts: audio.facts, withTags: (tags) => audio.withTags(tags), thread: 'main' };
}

/** Replies from one worker, one awaited kind at a time; an abort, a crash or an exit rejects the wait. */
class Replies {
  private waiting: {
    kind: string;
    resolve: (value: never) => void;
    reject: (error: Error) => void;
    onProgress?: (p: { label: string; done: number; total: number }) => void;
  } | null = null;
  /** Whether the worker has sent anything (it loaded and started the job). */
  heard = false;
  private readonly onMessage = (message: ExportWorkerReply) => {
    this.heard = true;
    const waiting = this.waiting;
    if (!waiting) return;
    if ('progress' in message) waiting.onProgress?.(message.progress);
    else if ('error' in message) this.fail(message.error.name === 'AbortError' ? cancelled() : new Error(message.error.message));
    else if (waiting.kind in message) {
      this.waiting = null;
      waiting.resolve((message as unknown as Record<string, never>)[waiting.kind]!);
    }
  };
  private readonly onError = (error: Error) => this.fail(new Error(`The export's audio worker failed: ${error.message}`));
  private readonly onExit = (code: number) => this.fail(new Error(`The export's audio worker stopped (exit code ${code}).`));
  private readonly onAbort = () => {
    void this.worker.terminate();
    this.fail(cancelled());
  };

  constructor(
    private readonly worker: Worker,
    private readonly signal: AbortSignal,
  ) {
    worker.on('message', this.onMessage);
    worker.on('error', this.onError);
    worker.on('exit', this.onExit);
    signal.addEventListener('abort', this.onAbort);
  }

  next<K extends 'rendered'>(
    kind: K,
    onProgress?: (p: { label: string; done: number; total: number }) => void,
  ): Promise<Extract<ExportWorkerReply, Record<K, unknown>>[K]> {
    if (this.signal.aborted) return Promise.reject(cancelled());
    return new Promise((resolve, reject) => (this.waiting = { kind, resolve: resolve as (value: never) => void, reject, onProgress }));
  }

  stop(): void {
    this.worker.off('message', this.onMessage);
    this.worker.off('error', this.onError);
    this.worker.off('exit', this.onExit);
    this.signal.removeEventListener('abort', this.onAbort);
  }

  private fail(error: Error): void {
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.reject(error);
  }
}

function takeWorker(): Worker | null {
  if (idle) {
    const { worker, timer } = idle;
    clearTimeout(timer);
    idle = null;
    return worker;
  }
  try {
    const script = workerScript();
    const worker = new Worker(script, { eval: typeof script === 'string', execArgv: [] });
    // An idle worker must not keep the process alive; a busy one is ref'd while its job runs.
    worker.unref();
    worker.on('error', () => undefined);
    return worker;
  } catch {
    return null;
  }
}

function keepIdle(worker: Worker): void {
  worker.unref();
  if (idle) void idle.worker.terminate();
  const timer = setTimeout(() => {
    if (idle?.worker === worker) idle = null;
    void worker.terminate();
  }, IDLE_MS);
  timer.unref();
  idle = { worker, timer };
}

/**
 * The worker script beside this module: the bundled .mjs in a build (kept
 * outside a packaged app's asar archive, where a worker can load it), or,
 * running from source (tests, benchmarks), the TypeScript file through
 * tsx's loader registered inside the worker (Node 20 workers do not inherit it).
 */
function workerScript(): string | URL {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new URL(new URL('./exportAudioWorker.mjs', here).href.replace('/app.asar/', '/app.asar.unpacked/'));
  const script = new URL('./exportAudioWorker.ts', here).href;
  return `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(script)}); });`;
}

function cancelled(): ServiceError {
  return new ServiceError('cancelled', 'Cancelled.');
}

function rethrowCancelled(error: Error): never {
  if (error.name === 'AbortError') throw cancelled();
  throw error;
}
