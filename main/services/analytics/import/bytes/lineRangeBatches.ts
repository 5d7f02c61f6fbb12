import { isAscii } from 'node:buffer';
import fs from 'node:fs';
import { ServiceError } from '../../../ServiceError';
import type { PlayKeys } from '../PlayKeys';
import { ASCII, NO_QUOTES, type PlayLineReader } from './PlayLineReader';
import { PlayLogBatch } from '../PlayLogBatch';

const MAX_LINE = 64 * 1024;
const READ_BYTES = 1 << 20;
const QUOTE = 34;

export interface LineRange {
  /** First byte: 0, or the byte after a line break. */
  readonly from: number;
  /** Byte after the last (the file's size, or the start of another range). */
  readonly to: number;
  /** Lines not parsed at the start of the file (a CSV header). */
  readonly skipLines: number;
  /** A new batch per read (to hand over to another thread) instead of one emptied each time. */
  readonly freshBatches?: boolean;
  /** Lines before the range (its first line is number lineOffset + 1). */
  readonly lineOffset?: number;
  /** Told how many lines the range held, once read to its end. */
  readonly counted?: (lines: number) => void;
}

/**
 * The lines of a byte range of a text file in batches (one per read), split
 * on bytes in one reused buffer so a reader can parse them without
 * decoding. Lines are numbered from 1 at the range's start. Blank lines are
 * skipped; at the file's start a BOM is dropped and `skipLines` lines are
 * not parsed; CRs before line breaks are dropped. Each batch says whether
 * its bytes are plain ASCII without quotes, which lets the fast readers skip
 * checking every byte. A line longer than 64 KiB is refused (ServiceError).
 */
export async function* lineRangeBatches(file: string, keys: PlayKeys, read: PlayLineReader, range: LineRange): AsyncGenerator<PlayLogBatch> {
  const handle = await fs.promises.open(file, 'r');
  const buffer = Buffer.allocUnsafe(READ_BYTES + MAX_LINE + 1);
  const atFileStart = range.from === 0;
  const offset = range.lineOffset ?? 0;
  let position = range.from;
  let carried = 0;
  let lineNumber = offset;
  const readLine = (bytes: Buffer, start: number, end: number, batch: PlayLogBatch, plain: number) => {
    lineNumber++;
    if (end > start && bytes[end - 1] === 13) end--;
    if (atFileStart && lineNumber === 1 && bytes[start] === 0xef && bytes[start + 1] === 0xbb && bytes[start + 2] === 0xbf) start += 3;
    if (atFileStart && lineNumber <= range.skipLines) return;
    if (end === start || ((maybeSpace(bytes[start]!) || maybeSpace(bytes[end - 1]!)) && !bytes.toString('utf8', start, end).trim())) return;
    read(bytes, start, end, lineNumber, batch, plain);
  };
  // Unless asked for fresh ones, one batch emptied for each read: the consumer is done with it when it asks for the next.
  let batch = new PlayLogBatch(keys, 1);
  try {
    for (;;) {
      const { bytesRead: got } = await handle.read(buffer, carried, Math.min(READ_BYTES, range.to - position), position);
      position += got;
      const end = carried + got;
      if (range.freshBatches) batch = new PlayLogBatch(keys, lineNumber + 1);
      else batch.reset(lineNumber + 1);
      if (got === 0) {
        if (carried) readLine(buffer, 0, carried, batch, 0);
        range.counted?.(lineNumber - offset);
        batch.progress = position - range.from;
        if (batch.lines || batch.ignored) yield batch;
        return;
      }
      const text = buffer.subarray(0, end);
      const plain = isAscii(text) ? ASCII | (text.indexOf(QUOTE) < 0 ? NO_QUOTES : 0) : 0;
      let start = 0;
      for (let newline = text.indexOf(10, start); newline >= 0; newline = text.indexOf(10, start)) {
        readLine(buffer, start, newline, batch, plain);
        start = newline + 1;
      }
      carried = end - start;
      if (carried > MAX_LINE) throw new ServiceError('invalid-request', `Line ${lineNumber + 1} is longer than ${MAX_LINE} characters: this is not a play log.`);
      buffer.copyWithin(0, start, end);
      batch.progress = position - range.from;
      yield batch;
    }
  } finally {
    await handle.close();
  }
}

/** Only a line starting or ending in a space or a non-ASCII byte can be blank (trim() knows Unicode spaces). */
function maybeSpace(byte: number): boolean {
  return byte <= 0x20 || byte >= 0x80;
}
