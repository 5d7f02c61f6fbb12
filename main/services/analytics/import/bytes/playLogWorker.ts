/**
 * Worker thread entry: reads one byte range of a play log (the second half
 * of a large file) into batches and posts each one back — its plays'
 * columns (transferred, not copied), the keys first named in it, its
 * counts and problems — then `{ done }`. Started by splitLineBatches.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { lineRangeBatches, type LineRange } from './lineRangeBatches';
import { playLineReaderFor, type LineFormat } from './playLineReaderFor';
import { PlayKeys } from '../PlayKeys';
import type { WorkerBatch, WorkerMessage } from './WorkerBatch';

const { file, range, format } = workerData as { file: string; range: LineRange; format: LineFormat };
const keys = new PlayKeys();
const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(message, transfer);

try {
  let keysPosted = 0;
  for await (const batch of lineRangeBatches(file, keys, playLineReaderFor(format), { ...range, freshBatches: true })) {
    const n = batch.length;
    const message: WorkerBatch = {
      firstLine: batch.firstLine,
      lines: batch.lines,
      malformed: batch.malformed,
      ignored: batch.ignored,
      problems: batch.problems,
      progress: batch.progress,
      newKeys: { kind: keys.kind.slice(keysPosted), value: keys.value.slice(keysPosted), label: keys.label.slice(keysPosted) },
      key: batch.key.slice(0, n),
      listener: batch.listener.slice(0, n),
      playedAt: batch.playedAt.slice(0, n),
      msPlayed: batch.msPlayed.slice(0, n),
      country: batch.country.slice(0, n),
      source: batch.source.slice(0, n),
      reasonEnd: batch.reasonEnd.slice(0, n),
    };
    keysPosted = keys.length;
    post(
      { batch: message },
      [message.key, message.listener, message.playedAt, message.msPlayed, message.country, message.source, message.reasonEnd].map((a) => a.buffer),
    );
  }
  post({ done: true });
} catch (error) {
  post({ error: error instanceof Error ? error.message : String(error) });
}
