import type { LineResult } from '../ParsedPlay';
import { parsePlayRecord } from './parsePlayRecord';

/**
 * The play-log format's NDJSON line, read as text: JSON.parse, then
 * parsePlayRecord. This is the definition ndjsonPlayLineReader's fast path
 * must agree with.
 */
export function ndjsonPlayRecord(line: string): LineResult {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return { error: `not JSON (${(error as Error).message.replace(/ in JSON at.*$/, '')})` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: 'not a JSON object' };
  return parsePlayRecord(value as Record<string, unknown>);
}
