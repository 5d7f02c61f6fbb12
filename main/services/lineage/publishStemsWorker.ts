/**
 * Worker thread entry for a derivative's stems (bundled as
 * dist/main/publishStemsWorker.mjs, kept out of the asar archive like every
 * *Worker.mjs). One job per worker: `{ job }` → progress messages, then
 * `{ rendered }` with the FLAC stems transferred, not copied, or `{ error }`
 * (a refusal keeps its code). Started by renderStemsOffThread, cancelled by
 * terminating it.
 */
import { parentPort } from 'node:worker_threads';
import { renderDerivativeStems } from './renderDerivativeStems';
import { ServiceError } from '../ServiceError';
import type { StemsWorkerReply, StemsWorkerRequest } from './stemsWorkerMessages';

const port = parentPort!;
const post = (message: StemsWorkerReply, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

port.once('message', (message: StemsWorkerRequest) => {
  renderDerivativeStems(message.job, undefined, (done, total) => post({ progress: { done, total } })).then(
    (rendered) => post({ rendered }, wholeBuffers(rendered.stems.map((s) => s.bytes))),
    (error: Error) => post({ error: { name: error.name, message: error.message, ...(error instanceof ServiceError ? { code: error.code } : {}) } }),
  );
});

/** Buffers that can move to the other thread whole (a view of a pooled buffer is copied instead). */
function wholeBuffers(views: readonly Uint8Array[]): ArrayBuffer[] {
  return [
    ...new Set(
      views.filter((v) => v.byteOffset === 0 && v.byteLength === v.buffer.byteLength && v.buffer instanceof ArrayBuffer).map((v) => v.buffer as ArrayBuffer),
    ),
  ];
}
