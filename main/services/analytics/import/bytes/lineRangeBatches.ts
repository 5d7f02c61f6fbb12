import { isAscii } from 'node:buffer';
import fs from 'node:fs';
import type { PlayKeys } from '../PlayKeys';
import { PlayLogBatch } from '../PlayLogBatch';
import { csvRecordEnd, type RecordEnd } from './csvRecordEnd';
import { ASCII, NO_QUOTES, type PlayLineReader } from './PlayLineReader';

/** The longest line (or CSV record) read; a longer one is skipped as malformed. */
export const MAX_LINE = 64 * 1024;
const READ_BYTES = 1 << 20;
const QUOTE = 34;
const NEWLINE = 10;

export interface LineRange {
  /** First byte: 0, or the byte after a line break. */
  readonly from: number;
  /** Byte after the last (the file's size, or the start of another range). */
  readonly to: number;
  /** Lines not parsed at the start of the file (a CSV header). */
  readonly skipLines: number;
  /** CSV: a quoted field may hold line breaks (RFC 4180), so a record may span lines. */
  readonly quotedNewlines?: boolean;
  /** A new batch per read (to hand over to another thread) instead of one emptied each time. */
  readonly freshBatches?: boolean;
  /** Bytes per read (tests use small reads to put line breaks and quotes across reads). */
  readonly readBytes?: number;
  /** Lines before the range (its first line is number lineOffset + 1). */
  readonly lineOffset?: number;
  /** Told how many lines the range held, once read to its end. */
  readonly counted?: (lines: number) => void;
  /**
   * For a range that ends before the file does: told where the record still
   * open at the range's end starts (a quoted field runs on past `to`) and how
   * many lines came before it; that record is then left to the caller.
   */
  readonly openAtEnd?: (recordStart: number, linesBefore: number) => void;
}

/**
 * The lines of a byte range of a text file in batches (one per read), split
 * on bytes in one reused buffer so a reader can parse them without
 * decoding. Lines are numbered from 1 at the range's start; a CSV record
 * spanning lines has the number of its first. Blank lines are skipped; at
 * the file's start a BOM is dropped and `skipLines` lines are not parsed;
 * CRs before line breaks are dropped. Each batch says whether its bytes are
 * plain ASCII without quotes, which lets the fast readers skip checking
 * every byte.
 *
 * A line longer than MAX_LINE is malformed, wherever it falls against the
 * reads: reported with its number and skipped, and reading goes on after
 * it. A CSV quoted field left open for more than MAX_LINE bytes is reported
 * at its line, and reading resumes on the next line.
 */
export async function* lineRangeBatches(file: string, keys: PlayKeys, read: PlayLineReader, range: LineRange): AsyncGenerator<PlayLogBatch> {
  const handle = await fs.promises.open(file, 'r');
  const readBytes = range.readBytes ?? READ_BYTES;
  const buffer = Buffer.allocUnsafe(readBytes + MAX_LINE + 1);
  const atFileStart = range.from === 0;
  const offset = range.lineOffset ?? 0;
  const ending: RecordEnd = { end: 0, newlines: 0, inQuote: false };
  let position = range.from;
  let carried = 0;
  let lineNumber = offset;
  /** Inside a line already reported as too long: its bytes are dropped up to its line break. */
  let skipping = false;
  // Unless asked for fresh ones, one batch emptied for each read: the consumer is done with it when it asks for the next.
  let batch = new PlayLogBatch(keys, 1);

  const record = (start: number, end: number, inner: number, plain: number) => {
    const line = ++lineNumber;
    lineNumber += inner;
    if (end > start && buffer[end - 1] === 13) end--;
    if (atFileStart && line === 1 && buffer[start] === 0xef && buffer[start + 1] === 0xbb && buffer[start + 2] === 0xbf) start += 3;
    if (atFileStart && line <= range.skipLines) return;
    if (end === start || ((maybeSpace(buffer[start]!) || maybeSpace(buffer[end - 1]!)) && !buffer.toString('utf8', start, end).trim())) return;
    read(buffer, start, end, line, batch, plain);
  };
  const malformed = (reason: string) => batch.add(++lineNumber, { error: reason });

  /**
   * Reads the records in buffer[0 … end); returns where the unfinished one
   * starts (kept for the next read), or -1 when the range ended inside an
   * open quoted field and the caller was told (openAtEnd).
   */
  const consume = (end: number, final: boolean, fileOffset: number): number => {
    const text = buffer.subarray(0, end);
    const plain = isAscii(text) ? ASCII | (text.indexOf(QUOTE) < 0 ? NO_QUOTES : 0) : 0;
    const quotes = range.quotedNewlines === true && !(plain & NO_QUOTES);
    let start = 0;
    if (skipping) {
      const newline = text.indexOf(NEWLINE);
      if (newline < 0) return end;
      skipping = false;
      start = newline + 1;
    }
    for (;;) {
      if (start >= end) return end;
      const limit = Math.min(end, start + MAX_LINE + 1);
      let stop: number;
      let inner = 0;
      let open = false;
      if (quotes) {
        csvRecordEnd(buffer, start, limit, end, final, ending);
        [stop, inner, open] = [ending.end, ending.newlines, ending.inQuote];
      } else {
        stop = text.indexOf(NEWLINE, start);
        if (stop >= limit) stop = -1;
      }
      if (stop >= 0) {
        record(start, stop, inner, plain);
        start = stop + 1;
        continue;
      }
      // Without an end in MAX_LINE + 1 bytes the record is too long; with fewer bytes left, wait for more (or, at the end, take them).
      const full = end - start > MAX_LINE;
      if (!full && !final) return start;
      const openOverLines = open && inner > 0;
      if (!full && openOverLines && range.openAtEnd) {
        range.openAtEnd(fileOffset + start, lineNumber);
        return -1;
      }
      if (!full && !openOverLines) {
        record(start, end, inner, plain);
        return end;
      }
      if (openOverLines) {
        malformed(`a quoted field opened on this line is not closed within ${MAX_LINE} bytes`);
        start = text.indexOf(NEWLINE, start) + 1;
        continue;
      }
      malformed(`longer than ${MAX_LINE} bytes: not a play`);
      const newline = text.indexOf(NEWLINE, limit);
      if (newline < 0) {
        skipping = true;
        return end;
      }
      start = newline + 1;
    }
  };

  try {
    for (;;) {
      const bufferOffset = position - carried;
      const { bytesRead: got } = await handle.read(buffer, carried, Math.min(readBytes, range.to - position), position);
      position += got;
      if (range.freshBatches) batch = new PlayLogBatch(keys, lineNumber + 1);
      else batch.reset(lineNumber + 1);
      const final = got === 0;
      const next = carried + got > 0 ? consume(carried + got, final, bufferOffset) : 0;
      batch.progress = position - range.from;
      if (final) {
        range.counted?.(lineNumber - offset);
        if (batch.lines || batch.ignored) yield batch;
        return;
      }
      carried = carried + got - next;
      buffer.copyWithin(0, next, next + carried);
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
