/**
 * Worker thread entry for export audio (bundled as dist/main/exportAudioWorker.mjs,
 * kept out of the asar archive). Runs jobs one at a time: `{ job }` →
 * progress messages, then `{ rendered: { facts, parts } }` with the encoded
 * audio transferred, not copied (the export thread wraps it in the file once
 * the record's tags are known). Errors come back as `{ error }`. Started and
 * reused by renderExportAudio; cancelled by terminating it.
 */
import { parentPort } from 'node:worker_threads';
import { runExportAudioJob } from './exportAudioJob';
import type { EncodedParts } from './encodeExport';
import type { ExportWorkerReply, ExportWorkerRequest } from './exportWorkerMessages';
import { lowerThreadPriority } from '../../../engine/node/lowerThreadPriority';

// The export renders below the main thread: the window and the contract answer first.
lowerThreadPriority();
const port = parentPort!;
const post = (message: ExportWorkerReply, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

port.on('message', (message: ExportWorkerRequest) => {
  runExportAudioJob(message.job, (label, done, total) => post({ progress: { label, done, total } })).then(
    (audio) => post({ rendered: { facts: audio.facts, parts: audio.parts } }, transferable(audio.parts)),
    (error: Error) => post({ error: { name: error.name, message: error.message } }),
  );
});

/** The parts' buffers that can move to the other thread whole (a view of a pooled or shared buffer is copied instead). */
function transferable(parts: EncodedParts): ArrayBuffer[] {
  const views = parts.format === 'flac' ? [parts.streamInfo, parts.frames] : parts.format === 'mp3' ? [parts.infoFrame, parts.frames] : [parts.pcm];
  return [
    ...new Set(
      views.filter((v) => v.byteOffset === 0 && v.byteLength === v.buffer.byteLength && v.buffer instanceof ArrayBuffer).map((v) => v.buffer as ArrayBuffer),
    ),
  ];
}
