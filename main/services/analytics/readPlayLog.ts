import type crypto from 'node:crypto';
import fs from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { ServiceError } from '../ServiceError';
import type { LineResult } from './ParsedPlay';
import { parseCsvLine } from './parseCsvLine';
import { parsePlayRecord } from './parsePlayRecord';
import { parseSpotifyEntry } from './parseSpotifyEntry';

export type PlayLogFormat = 'ndjson' | 'csv' | 'spotify-json';

/** A batch of read lines: results in file order, the line number of the first, and how far into the file we are. */
export interface PlayLogBatch {
  readonly firstLine: number;
  readonly results: readonly LineResult[];
  readonly bytesRead: number;
}

export interface PlayLog {
  readonly format: PlayLogFormat;
  readonly size: number;
  /** Reads the file once; `hash` is fed every byte (the import records the file's SHA-256). */
  batches(hash: crypto.Hash): AsyncGenerator<PlayLogBatch>;
}

const MAX_JSON_BYTES = 1 << 30;
const MAX_LINE = 64 * 1024;
const KEY_COLUMNS = ['export_id', 'isrc', 'audio_sha256'];

/**
 * Opens a listener-play file and tells its format by its first bytes:
 * `[` a JSON array (Spotify's extended streaming history, or our own records
 * as an array), `{` NDJSON, anything else CSV with a header row. Refuses
 * (ServiceError) what is none of these before anything is imported.
 */
export async function openPlayLog(file: string, spotifyListener: string): Promise<PlayLog> {
  let size: number;
  let head: string;
  try {
    size = (await fs.promises.stat(file)).size;
    const handle = await fs.promises.open(file, 'r');
    try {
      const buffer = Buffer.alloc(Math.min(size, 65536));
      await handle.read(buffer, 0, buffer.length, 0);
      head = buffer.toString('utf8').replace(/^\uFEFF/, '');
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw new ServiceError('invalid-request', `Cannot read ${file}: ${(error as Error).message}`);
  }
  const first = head.trimStart()[0];
  if (first === undefined) throw new ServiceError('invalid-request', `${file} is empty.`);
  if (first === '[') return { format: 'spotify-json', size, batches: (hash) => jsonArrayBatches(file, size, spotifyListener, hash) };
  if (first === '{') return { format: 'ndjson', size, batches: (hash) => lineBatches(file, hash, (line) => ndjsonLine(line)) };
  const header = (parseCsvLine(head.split(/\r?\n/, 1)[0]!.trim()) ?? []).map((h) => h.trim().toLowerCase());
  const missing = ['listener_id', 'played_at', 'ms_played'].filter((c) => !header.includes(c));
  if (!KEY_COLUMNS.some((c) => header.includes(c))) missing.unshift('export_id (or isrc, or audio_sha256)');
  if (missing.length) throw new ServiceError('invalid-request', `${file} is not a play log: expected NDJSON, a JSON array or CSV with a header row; the CSV header lacks ${missing.join(', ')}.`);
  return { format: 'csv', size, batches: (hash) => lineBatches(file, hash, csvLine(header), 1) };
}

function ndjsonLine(line: string): LineResult {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return { error: `not JSON (${(error as Error).message.replace(/ in JSON at.*$/, '')})` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: 'not a JSON object' };
  return parsePlayRecord(value as Record<string, unknown>);
}

function csvLine(header: string[]): (line: string) => LineResult {
  // One record object reused for every line: parsePlayRecord only reads it.
  const record: Record<string, string> = Object.fromEntries(header.map((h) => [h, '']));
  return (line) => {
    const fields = parseCsvLine(line);
    if (!fields) return { error: 'unbalanced quotes' };
    if (fields.length !== header.length) return { error: `${fields.length} fields, the header has ${header.length}` };
    for (let i = 0; i < header.length; i++) record[header[i]!] = fields[i]!;
    return parsePlayRecord(record);
  };
}

/** Lines of a text file in batches; blank lines are skipped, `skipLines` header lines are not parsed. */
async function* lineBatches(file: string, hash: crypto.Hash, parse: (line: string) => LineResult, skipLines = 0): AsyncGenerator<PlayLogBatch> {
  const stream = fs.createReadStream(file, { highWaterMark: 1 << 20 });
  const decoder = new StringDecoder('utf8');
  let carry = '';
  let lineNumber = 0;
  let bytesRead = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      hash.update(chunk);
      bytesRead += chunk.length;
      const text = carry + decoder.write(chunk);
      const lines = text.split('\n');
      carry = lines.pop()!;
      if (carry.length > MAX_LINE) throw new ServiceError('invalid-request', `Line ${lineNumber + lines.length + 1} is longer than ${MAX_LINE} characters: this is not a play log.`);
      yield { firstLine: lineNumber + 1, results: parseLines(lines, lineNumber, skipLines, parse), bytesRead };
      lineNumber += lines.length;
    }
    carry += decoder.end();
    if (carry.trim()) yield { firstLine: lineNumber + 1, results: parseLines([carry], lineNumber, skipLines, parse), bytesRead };
  } finally {
    stream.destroy();
  }
}

const BLANK: LineResult = { ignored: 'blank line' };

function parseLines(lines: string[], before: number, skipLines: number, parse: (line: string) => LineResult): LineResult[] {
  const results = new Array<LineResult>(lines.length);
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    if (before + i < skipLines) {
      results[i] = { ignored: 'header' };
      continue;
    }
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (before + i === 0 && line.charCodeAt(0) === 0xfeff) line = line.slice(1);
    results[i] = line.trim() ? parse(line) : BLANK;
  }
  return results;
}

/** A JSON array file (Spotify's history is one array per file): parsed whole, then handed out in batches. */
async function* jsonArrayBatches(file: string, size: number, spotifyListener: string, hash: crypto.Hash): AsyncGenerator<PlayLogBatch> {
  if (size > MAX_JSON_BYTES) throw new ServiceError('invalid-request', `${file} is a ${Math.round(size / 1e6)} MB JSON array; split it (NDJSON streams any size).`);
  let entries: unknown;
  try {
    const bytes = await fs.promises.readFile(file);
    hash.update(bytes);
    entries = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ServiceError('invalid-request', `${file} is not valid JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(entries)) throw new ServiceError('invalid-request', `${file} is not a JSON array of plays.`);
  const BATCH = 50_000;
  for (let start = 0; start < entries.length; start += BATCH) {
    const slice = entries.slice(start, start + BATCH) as unknown[];
    const results = slice.map((entry): LineResult => {
      if (entry && typeof entry === 'object' && 'ts' in entry) return parseSpotifyEntry(entry, spotifyListener);
      if (entry && typeof entry === 'object' && !Array.isArray(entry)) return parsePlayRecord(entry as Record<string, unknown>);
      return { error: 'not an object' };
    });
    // Entries are numbered from 1 like lines; the file is read whole, so progress is by entry.
    yield { firstLine: start + 1, results, bytesRead: Math.round((size * Math.min(entries.length, start + BATCH)) / Math.max(1, entries.length)) };
  }
}
