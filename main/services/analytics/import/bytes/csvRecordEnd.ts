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
 * Looks for the end no further than `limit`; a quote just before the limit
 * is told from the first of a doubled pair by the byte after it, when one
 * is there (bytes up to `end` are): with none, it closes the field only if
 * `final` (nothing follows), else the record counts as still inside its
 * quoted field until more bytes come.
 *
 * @example
 * const out = { end: 0, newlines: 0, inQuote: false };
 * csvRecordEnd(Buffer.from('a,"b\nc",d\nnext'), 0, 15, 15, true, out); // out.end === 9, out.newlines === 1
 */
export function csvRecordEnd(bytes: Uint8Array, start: number, limit: number, end: number, final: boolean, out: RecordEnd): RecordEnd {
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
        if (close + 1 >= end && !final) return set(out, -1, newlines, true);
        if (close + 1 < end && bytes[close + 1] === QUOTE) {
          // A doubled quote; one straddling the limit leaves the field open past it.
          if (close + 1 >= limit) return set(out, -1, newlines, true);
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
