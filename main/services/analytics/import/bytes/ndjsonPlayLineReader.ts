import type { LineResult } from '../ParsedPlay';
import { FIELD, FIELD_NAMES, PlayFieldBytes } from './PlayFieldBytes';
import { ASCII, type PlayLineReader } from './PlayLineReader';

const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const OPEN = 123;
const CLOSE = 125;
const fieldNames = FIELD_NAMES.map((name) => Buffer.from(name, 'latin1'));
const literals = ['true', 'false', 'null'].map((word) => Buffer.from(word, 'latin1'));

/**
 * Stemroom's NDJSON play log read straight from bytes, for speed: a line
 * that is one flat object of ASCII strings (no escapes) and whole numbers,
 * naming an export_id and a machine-written UTC time, is validated and
 * stored without JSON.parse. Any other line — escapes, nesting, a repeated
 * key, a value of another type for a play field, anything invalid — goes to
 * `general` (JSON.parse and parsePlayRecord), which defines the format.
 */
export function ndjsonPlayLineReader(general: (line: string) => LineResult): PlayLineReader {
  const fields = new PlayFieldBytes();
  const spans = new Int32Array(14);
  const fallback: PlayLineReader = (bytes, start, end, lineNumber, batch) => batch.add(lineNumber, general(bytes.toString('utf8', start, end)));

  /** End of the string whose opening quote is at `at` (the closing quote's index), or -1 for escapes and control or non-ASCII bytes. */
  const stringEnd = (bytes: Buffer, at: number, end: number, ascii: boolean): number => {
    for (let i = at + 1; i < end; i++) {
      const b = bytes[i]!;
      if (b === QUOTE) return i;
      if (b === BACKSLASH || b < 0x20 || (!ascii && b >= 0x80)) return -1;
    }
    return -1;
  };

  return (bytes, start, end, lineNumber, batch, plain) => {
    const ascii = (plain & ASCII) !== 0;
    let pos = space(bytes, start, end);
    if (bytes[pos] !== OPEN) return fallback(bytes, start, end, lineNumber, batch, plain);
    pos = space(bytes, pos + 1, end);
    if (bytes[pos] === CLOSE) return fallback(bytes, start, end, lineNumber, batch, plain);
    spans.fill(-1);
    for (;;) {
      if (bytes[pos] !== QUOTE) return fallback(bytes, start, end, lineNumber, batch, plain);
      // A play field's name is recognised in place; any other key is scanned like any string.
      const field = knownKey(bytes, pos);
      const keyEnd = field >= 0 ? pos + 1 + fieldNames[field]!.length : stringEnd(bytes, pos, end, ascii);
      if (keyEnd < 0 || keyEnd >= end) return fallback(bytes, start, end, lineNumber, batch, plain);
      pos = space(bytes, keyEnd + 1, end);
      if (bytes[pos] !== COLON) return fallback(bytes, start, end, lineNumber, batch, plain);
      pos = space(bytes, pos + 1, end);
      const first = bytes[pos];
      let valueStart = pos;
      let valueEnd: number;
      let isString = false;
      if (first === QUOTE) {
        // Export ids and times have fixed widths and strict checks later (which refuse quotes, escapes and control bytes): no scan.
        valueEnd = field === FIELD.export && bytes[pos + 37] === QUOTE ? pos + 37 : field === FIELD.playedAt ? fixedTimeEnd(bytes, pos) : -1;
        if (valueEnd < 0 || valueEnd >= end) valueEnd = stringEnd(bytes, pos, end, ascii);
        if (valueEnd < 0) return fallback(bytes, start, end, lineNumber, batch, plain);
        valueStart = pos + 1;
        pos = valueEnd + 1;
        isString = true;
      } else if (first !== undefined && first >= 48 && first <= 57) {
        valueEnd = pos;
        while (valueEnd < end && bytes[valueEnd]! >= 48 && bytes[valueEnd]! <= 57) valueEnd++;
        // JSON has no leading zeros; fractions, exponents and signs are for the text parser.
        if (first === 48 && valueEnd - pos > 1) return fallback(bytes, start, end, lineNumber, batch, plain);
        pos = valueEnd;
      } else {
        const literal = literals.find((word) => bytes.compare(word, 0, word.length, pos, Math.min(end, pos + word.length)) === 0);
        if (!literal || field >= 0) return fallback(bytes, start, end, lineNumber, batch, plain);
        valueEnd = pos += literal.length;
      }
      if (field >= 0) {
        // A repeated play field (JSON.parse keeps the last), or a number where text is read: the text parser decides.
        if (spans[2 * field]! >= 0 || (!isString && field !== FIELD.msPlayed)) return fallback(bytes, start, end, lineNumber, batch, plain);
        spans[2 * field] = valueStart;
        spans[2 * field + 1] = valueEnd;
      }
      pos = space(bytes, pos, end);
      if (bytes[pos] === COMMA) {
        pos = space(bytes, pos + 1, end);
        continue;
      }
      if (bytes[pos] !== CLOSE || space(bytes, pos + 1, end) !== end) return fallback(bytes, start, end, lineNumber, batch, plain);
      break;
    }
    if (!fields.push(bytes, spans, batch)) fallback(bytes, start, end, lineNumber, batch, plain);
  };
}

/** The first index from `at` that is not JSON whitespace inside a line (space, tab). */
function space(bytes: Buffer, at: number, end: number): number {
  while (at < end && (bytes[at] === 32 || bytes[at] === 9)) at++;
  return at;
}

/** The play field by the first letter of its name (they all differ). */
const fieldByFirstLetter = new Int8Array(256).fill(-1);
fieldNames.forEach((name, f) => (fieldByFirstLetter[name[0]!] = f));

/** Which play field the key string opening at `at` names (exact spelling, closing quote included), or -1. */
function knownKey(bytes: Buffer, at: number): number {
  const f = fieldByFirstLetter[bytes[at + 1]!]!;
  if (f < 0) return -1;
  const name = fieldNames[f]!;
  for (let i = 1; i < name.length; i++) if (bytes[at + 1 + i] !== name[i]) return -1;
  return bytes[at + 1 + name.length] === QUOTE ? f : -1;
}

/** The closing quote of a machine-written UTC time opening at `at` (20 or 24 characters), or -1. */
function fixedTimeEnd(bytes: Buffer, at: number): number {
  if (bytes[at + 21] === QUOTE && bytes[at + 20] === 90 /* Z */) return at + 21;
  return bytes[at + 25] === QUOTE ? at + 25 : -1;
}
