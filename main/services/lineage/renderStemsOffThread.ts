import { Worker } from 'node:worker_threads';
import { ServiceError } from '../ServiceError';
import type { TaskHandle } from '../TaskRegistry';
import { renderDerivativeStems, type DerivativeStem, type DerivativeStemsJob } from './renderDerivativeStems';
import type { StemsWorkerReply, StemsWorkerRequest } from './stemsWorkerMessages';

export interface RenderedStems {
  readonly stems: DerivativeStem[];
  readonly nullTestDb: number;
  /** Where the render ran: a worker thread, or this one when no worker could start. */
  readonly thread: 'worker' | 'main';
}

/**
 * Renders, encodes and null-tests a derivative's stems on a worker thread
 * (publishStemsWorker) — every track rendered again is the longest work
 * publishing does, and the window and the contract must keep answering
 * meanwhile, as they do during an export. Progress arrives on `task`;
 * cancelling it terminates the worker at once. If no worker can start (or
 * it dies before saying anything) the same job runs on this thread.
 *
 * @example
 * const { stems, nullTestDb } = await renderStemsOffThread({ document, record, exportFile, storeRoot, tmpDir }, task);
 */
export async function renderStemsOffThread(job: DerivativeStemsJob, task: TaskHandle): Promise<RenderedStems> {
  const progress = (done: number, total: number) => task.progress('Rendering stems', done, total);
  let worker: Worker | null = null;
  try {
    const script = workerScript();
    worker = new Worker(script, { eval: typeof script === 'string', execArgv: [] });
  } catch {
    worker = null;
  }
  if (worker) {
    let heard = false;
    try {
      const rendered = await new Promise<{ stems: DerivativeStem[]; nullTestDb: number }>((resolve, reject) => {
        const abort = () => reject(new ServiceError('cancelled', 'Cancelled.'));
        if (task.signal.aborted) return abort();
        task.signal.addEventListener('abort', abort, { once: true });
        worker!.on('message', (message: StemsWorkerReply) => {
          heard = true;
          if ('progress' in message) progress(message.progress.done, message.progress.total);
          else if ('error' in message)
            reject(message.error.code ? new ServiceError(message.error.code, message.error.message) : new Error(message.error.message));
          else resolve(message.rendered);
        });
        worker!.on('error', (error) => reject(new Error(`The stems worker failed: ${error.message}`)));
        worker!.on('exit', (code) => reject(new Error(`The stems worker stopped (exit code ${code}).`)));
        worker!.postMessage({ job } satisfies StemsWorkerRequest);
      });
      // Structured cloning hands back Uint8Arrays: the same memory, seen as Buffers again.
      return {
        ...rendered,
        stems: rendered.stems.map((s) => ({ ...s, bytes: Buffer.from(s.bytes.buffer, s.bytes.byteOffset, s.bytes.byteLength) })),
        thread: 'worker',
      };
    } catch (error) {
      // A worker that died before saying anything could not load (a broken install): do the job here instead.
      if (heard || error instanceof ServiceError) throw error;
    } finally {
      void worker.terminate();
    }
  }
  const rendered = await renderDerivativeStems(job, task.signal, progress).catch((error: Error) => {
    throw error.name === 'AbortError' ? new ServiceError('cancelled', 'Cancelled.') : error;
  });
  return { ...rendered, thread: 'main' };
}

/**
 * The worker script beside this module: the bundled .mjs in a build
 * (outside a packaged app's asar archive), or, running from source (tests,
 * benchmarks), the TypeScript file through tsx's loader registered inside
 * the worker (Node 20 workers do not inherit it).
 */
function workerScript(): string | URL {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new URL(new URL('./publishStemsWorker.mjs', here).href.replace('/app.asar/', '/app.asar.unpacked/'));
  const script = new URL('./publishStemsWorker.ts', here).href;
  return `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(script)}); });`;
}
