import fs from 'node:fs';
import { sha256FileInWorker } from '../../../media/sha256FileInWorker';
import { ServiceError } from '../../ServiceError';
import { parseCsvLine } from './text/parseCsvLine';
import { parsePlayRecord } from './text/parsePlayRecord';
import { parseSpotifyEntry } from './text/parseSpotifyEntry';
import type { PlayKeys } from './PlayKeys';
import type { PlayLogBatch } from './PlayLogBatch';
import { jsonArrayBatches } from './bytes/jsonArrayBatches';
import { splitLineBatches } from './bytes/splitLineBatches';
import type { LineResult } from './ParsedPlay';

export type PlayLogFormat = 'ndjson' | 'csv' | 'spotify-json';

export interface PlayLog {
  readonly format: PlayLogFormat;
  readonly size: number;
  /**
   * Reads the file once, numbering the keys it names in `keys`. A Spotify
   * history's entries without a username are plays of `spotifyListener` (a
   * listener digest, or −key − 1 for a stored key).
   */
  batches(keys: PlayKeys, options: { spotifyListener: number }): AsyncGenerator<PlayLogBatch>;
  /** The file's SHA-256 (the import records it), computed beside the reading. */
  sha256(): Promise<string>;
}

const MAX_JSON_BYTES = 1 << 30;
const KEY_COLUMNS = ['export_id', 'isrc', 'audio_sha256'];

/**
 * Opens a listener-play file and tells its format by its first bytes:
 * `[` a JSON array (Spotify's extended streaming history, or our own records
 * as an array), `{` NDJSON, anything else CSV with a header row. Refuses
 * (ServiceError) what is none of these before anything is imported.
 */
export async function openPlayLog(file: string): Promise<PlayLog> {
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
  const sha256 = () => sha256FileInWorker(file);
  const first = head.trimStart()[0];
  if (first === undefined) throw new ServiceError('invalid-request', `${file} is empty.`);
  if (first === '[') {
    if (size > MAX_JSON_BYTES)
      throw new ServiceError(
        'invalid-request',
        `${file} is a ${Math.round(size / 1e6)} MB JSON array, over the 1 GiB a history file can be; split it (NDJSON streams any size).`,
      );
    const entry =
      (spotifyListener: number) =>
      (value: unknown): LineResult =>
        value && typeof value === 'object' && 'ts' in value
          ? parseSpotifyEntry(value, spotifyListener)
          : value && typeof value === 'object' && !Array.isArray(value)
            ? parsePlayRecord(value as Record<string, unknown>)
            : { error: 'not an object' };
    return { format: 'spotify-json', size, batches: (keys, { spotifyListener }) => jsonArrayBatches(file, keys, entry(spotifyListener)), sha256 };
  }
  if (first === '{') return { format: 'ndjson', size, batches: (keys) => splitLineBatches(file, size, keys, { format: 'ndjson', header: [] }, 0), sha256 };
  const header = (parseCsvLine(head.split(/\r?\n/, 1)[0]!.trim()) ?? []).map((h) => h.trim().toLowerCase());
  const missing = ['listener_id', 'played_at', 'ms_played'].filter((c) => !header.includes(c));
  if (!KEY_COLUMNS.some((c) => header.includes(c))) missing.unshift('export_id (or isrc, or audio_sha256)');
  if (missing.length)
    throw new ServiceError(
      'invalid-request',
      `${file} is not a play log: expected NDJSON, a JSON array or CSV with a header row; the CSV header lacks ${missing.join(', ')}.`,
    );
  return { format: 'csv', size, batches: (keys) => splitLineBatches(file, size, keys, { format: 'csv', header }, 1), sha256 };
}
