const QUOTE = 34;
const COMMA = 44;
const NEWLINE = 10;

/** Where a CSV record ends (see csvRecordEnd); one object reused by its caller. */
export interface RecordEnd {
  /** The line break ending the record, or -1 when it does not end before the limit. */
  end: number;
  /** Line breaks inside the record's quoted fields. */
  newlines: number;
  /** Whether the limit was reached inside a quoted field. */
  inQuote: boolean;
}

/**
 * Finds the end of the CSV record starting at `start` (RFC 4180: a field
 * that starts with a double quote runs to its closing quote, line breaks
 * and doubled quotes included; a quote anywhere else is just a byte).
 * Looks no further than `limit`. A quote as the last byte before the limit
 * may be the first of a doubled pair, so unless `final` (nothing follows
 * the limit) the record counts as still inside its quoted field there.
 *
 * @example
 * const out = { end: 0, newlines: 0, inQuote: false };
 * csvRecordEnd(Buffer.from('a,"b\nc",d\nnext'), 0, 15, true, out); // out.end === 9, out.newlines === 1
 */
export function csvRecordEnd(bytes: Uint8Array, start: number, limit: number, final: boolean, out: RecordEnd): RecordEnd {
  let newlines = 0;
  let fieldStart = true;
  let i = start;
  while (i < limit) {
    const b = bytes[i]!;
    if (b === NEWLINE) return set(out, i, newlines, false);
    if (b === QUOTE && fieldStart) {
      i++;
      for (;;) {
        let close = i;
        while (close < limit && bytes[close] !== QUOTE) {
          if (bytes[close] === NEWLINE) newlines++;
          close++;
        }
        if (close >= limit) return set(out, -1, newlines, true);
        if (close + 1 >= limit && !final) return set(out, -1, newlines, true);
        if (bytes[close + 1] === QUOTE && close + 1 < limit) {
          i = close + 2;
          continue;
        }
        i = close + 1;
        break;
      }
      fieldStart = false;
      continue;
    }
    fieldStart = b === COMMA;
    i++;
  }
  return set(out, -1, newlines, false);
}

function set(out: RecordEnd, end: number, newlines: number, inQuote: boolean): RecordEnd {
  out.end = end;
  out.newlines = newlines;
  out.inQuote = inQuote;
  return out;
}
