/**
 * Worker thread entry for export audio (bundled as dist/main/exportAudioWorker.mjs,
 * kept out of the asar archive). Runs jobs one at a time, each in two steps:
 * `{ job }` → progress messages, then `{ rendered: facts }`; `{ tag: tags }`
 * → `{ file }` (transferred, not copied). Errors come back as `{ error }`.
 * Started and reused by renderExportAudio; cancelled by terminating it.
 */
import { parentPort } from 'node:worker_threads';
import { runExportAudioJob, type ExportAudio } from './exportAudioJob';
import type { ExportWorkerReply, ExportWorkerRequest } from './exportWorkerMessages';

const port = parentPort!;
const post = (message: ExportWorkerReply, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
let current: ExportAudio | null = null;

port.on('message', (message: ExportWorkerRequest) => {
  if ('job' in message) {
    current = null;
    runExportAudioJob(message.job, (label, done, total) => post({ progress: { label, done, total } })).then(
      (audio) => {
        current = audio;
        post({ rendered: audio.facts });
      },
      (error: Error) => post({ error: { name: error.name, message: error.message } }),
    );
  } else if ('tag' in message) {
    try {
      if (!current) throw new Error('no rendered export to tag');
      const file = current.withTags(message.tag);
      current = null;
      // A Buffer may view a pooled ArrayBuffer: transfer it only when it owns all of it, else copy first.
      const owned = file.byteOffset === 0 && file.byteLength === file.buffer.byteLength;
      const bytes = owned ? new Uint8Array(file.buffer, 0, file.byteLength) : Uint8Array.from(file);
      post({ file: bytes }, [bytes.buffer as ArrayBuffer]);
    } catch (error) {
      post({ error: { name: (error as Error).name, message: (error as Error).message } });
    }
  }
});
