import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import { lineRangeBatches, type LineRange } from './lineRangeBatches';
import { playLineReaderFor, type LineFormat } from './playLineReaderFor';
import type { PlayKeys } from '../PlayKeys';
import { PlayLogBatch } from '../PlayLogBatch';
import type { WorkerBatch, WorkerMessage } from './WorkerBatch';

/** Files smaller than this are read on this thread alone (starting a worker costs more than it saves). */
export const SPLIT_MIN_BYTES = 16 << 20;

/**
 * A line-based play log's batches, in file order, read by two threads:
 * a worker reads the second half of a large file while this thread reads
 * the first, and its batches follow once the first half is done (line
 * numbers and progress continue across). When the worker cannot start or
 * fails — a bundled app without its worker file, a line it cannot read —
 * this thread reads the second half itself, so the result (and any error)
 * is always the same as reading the file in one go.
 */
export async function* splitLineBatches(
  file: string,
  size: number,
  keys: PlayKeys,
  format: LineFormat,
  skipLines: number,
  {
    minBytes = SPLIT_MIN_BYTES,
    secondHalf,
    workerScript = defaultWorkerScript,
  }: { minBytes?: number; secondHalf?: (readBy: 'worker' | 'this thread', why?: string) => void; workerScript?: () => string | URL } = {},
): AsyncGenerator<PlayLogBatch> {
  const split = size >= minBytes ? await lineStartAfter(file, Math.floor(size / 2), size) : size;
  const quotedNewlines = format.format === 'csv';
  const helper = split < size ? startRangeWorker(workerScript, file, { from: split, to: size, skipLines: 0, quotedNewlines }, format) : null;
  try {
    let firstHalfLines = 0;
    /** Where the second half really starts: the split, or earlier when a quoted CSV field runs across it. */
    let secondStart = split;
    const first = { from: 0, to: split, skipLines, quotedNewlines, counted: (lines: number) => (firstHalfLines = lines) };
    yield* lineRangeBatches(file, keys, playLineReaderFor(format), split < size ? { ...first, openAtEnd: (start: number) => (secondStart = start) } : first);
    if (split === size) return;
    const outcome = secondStart !== split ? { error: 'a quoted field runs across the split' } : helper ? await helper.finished : { error: 'no worker' };
    secondHalf?.('batches' in outcome ? 'worker' : 'this thread', 'error' in outcome ? outcome.error : undefined);
    if ('batches' in outcome) {
      const keyOf: number[] = [];
      for (const posted of outcome.batches) yield fromWorker(posted, keys, keyOf, firstHalfLines, split);
      return;
    }
    for await (const batch of lineRangeBatches(file, keys, playLineReaderFor(format), {
      from: secondStart,
      to: size,
      skipLines: 0,
      quotedNewlines,
      lineOffset: firstHalfLines,
    })) {
      batch.progress += secondStart;
      yield batch;
    }
  } finally {
    helper?.stop();
  }
}

/** The byte after the first line break at or after `at` (or `size` when there is none). */
async function lineStartAfter(file: string, at: number, size: number): Promise<number> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const buffer = Buffer.alloc(1 << 16);
    for (let position = at; position < size; position += buffer.length) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
      const newline = buffer.subarray(0, bytesRead).indexOf(10);
      if (newline >= 0) return position + newline + 1;
      if (bytesRead === 0) break;
    }
    return size;
  } finally {
    await handle.close();
  }
}

/**
 * The worker script beside this module: the bundled .mjs in a build — which
 * a packaged app keeps outside its asar archive (electron-builder
 * asarUnpack), where a worker thread can load it — or, running from source
 * (tests, benchmarks), the TypeScript file loaded through tsx's loader,
 * registered inside the worker (Node 20 workers do not inherit it).
 */
function defaultWorkerScript(): string | URL {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new URL(new URL('./playLogWorker.mjs', here).href.replace('/app.asar/', '/app.asar.unpacked/'));
  const script = new URL('./playLogWorker.ts', here).href;
  return `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(script)}); });`;
}

type Outcome = { batches: WorkerBatch[] } | { error: string };

function startRangeWorker(
  workerScript: () => string | URL,
  file: string,
  range: LineRange,
  format: LineFormat,
): { finished: Promise<Outcome>; stop(): void } | null {
  let worker: Worker;
  try {
    const script = workerScript();
    worker = new Worker(script, { eval: typeof script === 'string', execArgv: [], workerData: { file, range, format } });
  } catch {
    return null;
  }
  const batches: WorkerBatch[] = [];
  const finished = new Promise<Outcome>((resolve) => {
    worker.on('message', (message: WorkerMessage) => {
      if ('batch' in message) batches.push(message.batch);
      else resolve('done' in message ? { batches } : { error: message.error });
    });
    worker.on('error', (error) => resolve({ error: error.message }));
    worker.on('exit', (code) => resolve({ error: `worker exited (${code})` }));
  });
  return { finished, stop: () => void worker.terminate() };
}

/** A worker's batch on this thread: its keys numbered in `keys`, its lines and bytes counted on from the first half's. */
function fromWorker(posted: WorkerBatch, keys: PlayKeys, keyOf: number[], lineOffset: number, byteOffset: number): PlayLogBatch {
  posted.newKeys.kind.forEach((kind, i) => keyOf.push(keys.indexOf(kind, posted.newKeys.value[i]!, posted.newKeys.label[i]!)));
  const batch = new PlayLogBatch(keys, posted.firstLine + lineOffset);
  // The posted columns become the batch's (they were transferred, not shared); only key numbers change.
  for (let i = 0; i < posted.key.length; i++) posted.key[i] = keyOf[posted.key[i]!]!;
  batch.length = posted.key.length;
  batch.key = posted.key;
  batch.listener = posted.listener;
  batch.playedAt = posted.playedAt;
  batch.msPlayed = posted.msPlayed;
  batch.country = posted.country;
  batch.source = posted.source;
  batch.reasonEnd = posted.reasonEnd;
  batch.lines = posted.lines;
  batch.malformed = posted.malformed;
  batch.ignored = posted.ignored;
  for (const problem of posted.problems) batch.problems.push({ line: problem.line + lineOffset, reason: problem.reason });
  batch.progress = posted.progress + byteOffset;
  return batch;
}
