import type { LineResult } from '../ParsedPlay';
import { parseCsvLine } from './parseCsvLine';
import { parsePlayRecord } from './parsePlayRecord';

/**
 * The play-log format's CSV line, read as text: fields mapped by the header
 * onto a record, then validated by parsePlayRecord. This is the definition
 * csvPlayLineReader's fast path must agree with.
 */
export function csvPlayRecord(header: readonly string[]): (line: string) => LineResult {
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
