import type { LineResult } from '../ParsedPlay';
import { FIELD_NAMES, PlayFieldBytes } from './PlayFieldBytes';
import { ASCII, NO_QUOTES, type PlayLineReader } from './PlayLineReader';

const COMMA = 44;
const QUOTE = 34;

/**
 * Stemroom's CSV play log read straight from bytes, for speed: the common
 * line — unquoted ASCII, an export_id, a machine-written UTC time — is
 * validated and stored without building strings or objects. Any other line
 * (quotes, non-ASCII, padding, ISRC or audio keys, anything invalid) goes
 * to `general`, the text parser that defines the format, so the two cannot
 * disagree: this path only accepts what `general` would read the same way.
 */
export function csvPlayLineReader(header: readonly string[], general: (line: string) => LineResult): PlayLineReader {
  const fallback: PlayLineReader = (bytes, start, end, lineNumber, batch) => batch.add(lineNumber, general(bytes.toString('utf8', start, end)));
  // A repeated column name would make "which value counts" the general parser's call.
  if (!header.includes('export_id') || new Set(header).size !== header.length) return fallback;
  /** The FIELD a column holds, or -1 for a column the format does not read. */
  const fieldOf = Int32Array.from(header, (name) => FIELD_NAMES.indexOf(name as (typeof FIELD_NAMES)[number]));
  const exportCol = header.indexOf('export_id');
  const playedAtCol = header.indexOf('played_at');
  const last = header.length - 1;
  const fields = new PlayFieldBytes();
  const starts = new Int32Array(header.length);
  const ends = new Int32Array(header.length);
  const spans = new Int32Array(14);

  return (bytes, start, end, lineNumber, batch, plainBytes) => {
    const plain = plainBytes === (ASCII | NO_QUOTES);
    let pos = start;
    for (let c = 0; c <= last; c++) {
      let stop = pos;
      // Where the batch is plain, jump over the fixed-width fields (their own checks prove they hold no comma).
      if (plain && c === exportCol) stop = pos + 36;
      else if (plain && c === playedAtCol) stop = bytes[pos + 19] === 90 /* Z */ ? pos + 20 : pos + 24;
      else if (plain) while (stop < end && bytes[stop] !== COMMA) stop++;
      else {
        for (; stop < end; stop++) {
          const b = bytes[stop]!;
          if (b === COMMA) break;
          if (b === QUOTE || b >= 0x80) return fallback(bytes, start, end, lineNumber, batch, plainBytes);
        }
      }
      if (c === last ? stop !== end : stop >= end || bytes[stop] !== COMMA) return fallback(bytes, start, end, lineNumber, batch, plainBytes);
      starts[c] = pos;
      ends[c] = stop;
      pos = stop + 1;
    }
    spans.fill(-1);
    for (let c = 0; c <= last; c++) {
      const field = fieldOf[c]!;
      if (field < 0) continue;
      spans[2 * field] = starts[c]!;
      spans[2 * field + 1] = ends[c]!;
    }
    if (!fields.push(bytes, spans, batch)) fallback(bytes, start, end, lineNumber, batch, plainBytes);
  };
}
