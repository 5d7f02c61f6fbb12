import { isAscii } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvPlayLineReader } from './csvPlayLineReader';
import { csvPlayRecord } from '../text/csvPlayRecord';
import { parseIsoTime } from '../text/parseIsoTime';
import { parseUtcBytes } from './parseUtcBytes';
import { PlayKeys } from '../PlayKeys';
import { ASCII, NO_QUOTES } from './PlayLineReader';
import { PlayLogBatch } from '../PlayLogBatch';

const EXPORT = '0196f3a2-7c1e-7b3d-9a4f-2b8c6d1e0f53';

/** Field values a log might hold — well-formed, and each way a value can be odd or wrong. */
const fieldValues: Record<string, fc.Arbitrary<string>> = {
  export_id: fc.constantFrom(
    EXPORT,
    EXPORT.toUpperCase(),
    ` ${EXPORT}`,
    EXPORT.slice(1),
    `${EXPORT.slice(0, 35)}g`,
    `${EXPORT.slice(0, 35)},`,
    '',
    `"${EXPORT}"`,
  ),
  listener_id: fc.oneof(
    fc.constantFrom('u1', 'listener-42', ' padded', 'padded ', 'tab\tinside', 'ümlaut', '"quoted, with comma"', '', 'x'.repeat(200), 'x'.repeat(201)),
    fc.string({ maxLength: 12 }),
  ),
  played_at: fc.oneof(
    fc.date({ min: new Date('1850-01-01T00:00:00Z'), max: new Date('2999-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => d.toISOString()),
    fc
      .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().replace(/\.\d+Z$/, 'Z')),
    fc.constantFrom(
      '2026-02-29T10:00:00Z',
      '2024-02-29T10:00:00Z',
      '2026-04-31T00:00:00.000Z',
      '2026-11-01T24:00:00Z',
      '2026-11-01T19:04:05+01:00',
      '2026-11-01 19:04:05Z',
      '2026-11-01T19:04:05',
      '0099-01-01T00:00:00Z',
      '2026-1x-01T00:00:00Z',
      '',
    ),
  ),
  country: fc.constantFrom('US', 'gb', 'Se', 'ZZ', 'zz', 'XX', 'USA', ' US', '', '1A', 'É', 'UK', 'XK', 'SWE', ' U', 'u '),
  source: fc.constantFrom('playlist', 'SEARCH', 'Radio', 'album', 'other', 'unknown', ' radio', '"radio"', ''),
  ms_played: fc.oneof(
    fc.integer({ min: 0, max: 90_000_000 }).map(String),
    fc.constantFrom('-5', '1.5', ' 12', '007', '', '1e5', '99999999999', '86400000', '86400001'),
  ),
  reason_end: fc.constantFrom('trackdone', 'FWDBTN', 'endplay', 'whatever', '', 'logout '),
  note: fc.constantFrom('', 'free text', '"with, comma"', 'ünïcode'),
};

function readBoth(header: string[], line: string) {
  const fastKeys = new PlayKeys();
  const textKeys = new PlayKeys();
  const fast = new PlayLogBatch(fastKeys, 1);
  const text = new PlayLogBatch(textKeys, 1);
  const bytes = Buffer.from(line, 'utf8');
  csvPlayLineReader(header, csvPlayRecord(header))(bytes, 0, bytes.length, 7, fast, isAscii(bytes) ? ASCII | (bytes.includes(34) ? 0 : NO_QUOTES) : 0);
  text.add(7, csvPlayRecord(header)(line));
  const view = (batch: PlayLogBatch, keys: PlayKeys) => ({
    lines: batch.lines,
    problems: batch.problems,
    plays: Array.from({ length: batch.length }, (_, i) => ({
      key: [keys.kind[batch.key[i]!], keys.value[batch.key[i]!], keys.label[batch.key[i]!]],
      listener: batch.listener[i],
      playedAt: batch.playedAt[i],
      country: batch.country[i],
      source: batch.source[i],
      msPlayed: batch.msPlayed[i],
      reasonEnd: batch.reasonEnd[i],
    })),
  });
  return { fast: view(fast, fastKeys), text: view(text, textKeys) };
}

describe('csvPlayLineReader', () => {
  it('reads every line exactly as the text parser that defines the format does', () => {
    const headers = [
      ['export_id', 'listener_id', 'played_at', 'country', 'source', 'ms_played', 'reason_end'],
      ['listener_id', 'ms_played', 'played_at', 'export_id'],
      ['played_at', 'note', 'export_id', 'reason_end', 'listener_id', 'ms_played', 'country'],
    ];
    fc.assert(
      fc.property(fc.constantFrom(...headers), fc.record(fieldValues), fc.constantFrom(0, 0, 0, -1, 1), (header, values, extraFields) => {
        let fields = header.map((name) => values[name]!);
        if (extraFields > 0) fields = [...fields, 'extra'];
        if (extraFields < 0) fields = fields.slice(1);
        const { fast, text } = readBoth(header, fields.join(','));
        expect(fast).toEqual(text);
      }),
      { numRuns: 3000 },
    );
  });

  it('takes the fast path for a machine-written line and still refuses what is wrong in it', () => {
    const header = ['export_id', 'listener_id', 'played_at', 'country', 'source', 'ms_played', 'reason_end'];
    const good = readBoth(header, `${EXPORT},u1,2026-11-01T18:04:05.250Z,se,Radio,61000,FWDBTN`);
    expect(good.fast.plays).toEqual([
      {
        key: ['export', EXPORT, EXPORT],
        listener: expect.any(Number),
        playedAt: Date.parse('2026-11-01T18:04:05.250Z'),
        country: 83 * 256 + 69,
        source: 3,
        msPlayed: 61000,
        reasonEnd: 1,
      },
    ]);
    expect(readBoth(header, `${EXPORT},u1,2026-02-29T18:04:05Z,SE,radio,61000,fwdbtn`).fast.problems).toEqual([
      { line: 7, reason: expect.stringMatching(/played_at "2026-02-29T18:04:05Z" has no such date \(2026-02-29\)/) },
    ]);
  });
});

describe('parseUtcBytes', () => {
  it('agrees with parseIsoTime on every time it reads, and reads machine-written UTC times', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.date({ min: new Date('1800-01-01T00:00:00Z'), max: new Date('3000-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
          fc
            .date({ noInvalidDate: true, min: new Date('1900-01-01T00:00:00Z'), max: new Date('2999-01-01T00:00:00Z') })
            .map((d) => d.toISOString().replace(/\.\d+Z$/, 'Z')),
          fc.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/),
        ),
        (text) => {
          const fast = parseUtcBytes(Buffer.from(text), 0, text.length);
          if (fast !== null) expect(fast).toBe(parseIsoTime(text));
          if (/^(19|2\d)\d\d-/.test(text) && parseIsoTime(text) !== null) expect(fast).toBe(parseIsoTime(text));
        },
      ),
      { numRuns: 5000 },
    );
  });
});
