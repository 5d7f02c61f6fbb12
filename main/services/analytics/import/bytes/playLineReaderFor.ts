import { csvPlayLineReader } from './csvPlayLineReader';
import { csvPlayRecord } from '../text/csvPlayRecord';
import { ndjsonPlayLineReader } from './ndjsonPlayLineReader';
import { ndjsonPlayRecord } from '../text/ndjsonPlayRecord';
import type { PlayLineReader } from './PlayLineReader';

/** What a line-based play log needs to be read: its format, and for CSV its header (lower-cased names). */
export interface LineFormat {
  readonly format: 'csv' | 'ndjson';
  readonly header: readonly string[];
}

/** A fresh line reader for the format (readers keep per-file state, e.g. export ids seen). */
export function playLineReaderFor({ format, header }: LineFormat): PlayLineReader {
  return format === 'csv' ? csvPlayLineReader(header, csvPlayRecord(header)) : ndjsonPlayLineReader(ndjsonPlayRecord);
}
