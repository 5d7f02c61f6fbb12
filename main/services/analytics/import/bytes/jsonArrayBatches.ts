import fs from 'node:fs';
import { ServiceError } from '../../../ServiceError';
import type { LineResult } from '../ParsedPlay';
import type { PlayKeys } from '../PlayKeys';
import { PlayLogBatch } from '../PlayLogBatch';

/** The longest entry read; a longer one is skipped as malformed (Spotify's are under 1 KiB). */
export const MAX_ENTRY = 64 * 1024;
const READ_BYTES = 1 << 20;

const [QUOTE, BACKSLASH, COMMA, OPEN_ARRAY, CLOSE_ARRAY, OPEN_OBJECT, CLOSE_OBJECT] = [34, 92, 44, 91, 93, 123, 125];
const isSpace = (b: number) => b === 32 || b === 10 || b === 13 || b === 9;

/**
 * A JSON array file (Spotify's extended history is one array per file)
 * read as a stream: the array is split into its entries on bytes — strings,
 * escapes and nesting followed, never the whole file in one string — and
 * each entry is parsed on its own, so a file of any size up to the
 * documented 1 GiB is read in one pass with memory for one read. Entries
 * are numbered from 1 like lines; one that is not JSON, empty, or longer
 * than MAX_ENTRY is reported and skipped; a file cut short reports the
 * entry it ends in.
 *
 * @example
 * for await (const batch of jsonArrayBatches('Streaming_History_Audio_2026.json', keys, (entry) => parseSpotifyEntry(entry, 'me'))) take(batch);
 */
export async function* jsonArrayBatches(
  file: string,
  keys: PlayKeys,
  parseEntry: (entry: unknown) => LineResult,
  { readBytes = READ_BYTES } = {},
): AsyncGenerator<PlayLogBatch> {
  const handle = await fs.promises.open(file, 'r');
  const buffer = Buffer.allocUnsafe(readBytes + MAX_ENTRY + 1);
  let phase: 'open' | 'between' | 'entry' | 'closed' = 'open';
  let entry = 0;
  let afterComma = false;
  let depth = 0;
  let inString = false;
  let escaped = false;
  /** The entry being read is over MAX_ENTRY: followed to its end, not kept. */
  let tooLong = false;
  let trailing = false;
  let carried = 0;
  let position = 0;
  const batch = new PlayLogBatch(keys, 1);

  const finish = (start: number, end: number) => {
    if (tooLong) return;
    if (end - start > MAX_ENTRY) {
      batch.add(entry, { error: `longer than ${MAX_ENTRY} bytes: not a play` });
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(buffer.toString('utf8', start, end));
    } catch (error) {
      batch.add(entry, { error: `not JSON (${(error as Error).message.replace(/ in JSON at.*$/, '')})` });
      return;
    }
    batch.add(entry, parseEntry(value));
  };

  try {
    for (;;) {
      const { bytesRead: got } = await handle.read(buffer, carried, readBytes, position);
      position += got;
      batch.reset(entry + 1);
      const end = carried + got;
      let i = carried;
      let entryStart = phase === 'entry' && !tooLong ? 0 : -1;
      for (; i < end; i++) {
        const b = buffer[i]!;
        if (phase === 'entry') {
          if (inString) {
            if (escaped) escaped = false;
            else if (b === BACKSLASH) escaped = true;
            else if (b === QUOTE) inString = false;
          } else if (b === QUOTE) inString = true;
          else if (b === OPEN_OBJECT || b === OPEN_ARRAY) depth++;
          else if ((b === CLOSE_OBJECT || b === CLOSE_ARRAY) && depth > 0) depth--;
          else if (depth === 0 && (b === COMMA || b === CLOSE_ARRAY)) {
            finish(entryStart, i);
            phase = b === COMMA ? 'between' : 'closed';
            afterComma = b === COMMA;
          }
          continue;
        }
        if (isSpace(b)) continue;
        if (phase === 'open') {
          if (b === 0xef || b === 0xbb || b === 0xbf) continue; // a BOM, however the reads cut it
          if (b !== OPEN_ARRAY) throw new ServiceError('invalid-request', `${file} is not a JSON array of plays.`);
          phase = 'between';
        } else if (phase === 'between') {
          if (b === COMMA || (b === CLOSE_ARRAY && afterComma)) batch.add(++entry, { error: 'an empty entry' });
          if (b === CLOSE_ARRAY) phase = 'closed';
          else if (b !== COMMA) {
            phase = 'entry';
            entry++;
            entryStart = i;
            depth = 0;
            inString = escaped = tooLong = false;
            i--; // read this byte again as the entry's first
          }
          afterComma = b === COMMA;
        } else if (!trailing) {
          trailing = true;
          batch.add(entry + 1, { error: 'text after the array has ended' });
        }
      }
      batch.progress = position;
      carried = 0;
      if (got === 0) {
        if (phase === 'entry' && !tooLong) batch.add(entry, { error: 'the file ends inside this entry (cut short?)' });
        if (batch.lines || batch.ignored) yield batch;
        return;
      }
      if (phase === 'entry' && !tooLong) {
        if (end - entryStart > MAX_ENTRY) {
          tooLong = true;
          batch.add(entry, { error: `longer than ${MAX_ENTRY} bytes: not a play` });
        } else {
          buffer.copyWithin(0, entryStart, end);
          carried = end - entryStart;
        }
      }
      yield batch;
    }
  } finally {
    await handle.close();
  }
}
