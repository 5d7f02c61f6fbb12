import { isAscii } from 'node:buffer';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { ndjsonPlayLineReader } from './ndjsonPlayLineReader';
import { ndjsonPlayRecord } from '../text/ndjsonPlayRecord';
import { PlayKeys } from '../PlayKeys';
import { ASCII, NO_QUOTES } from './PlayLineReader';
import { PlayLogBatch } from '../PlayLogBatch';

const EXPORT = '0196f3a2-7c1e-7b3d-9a4f-2b8c6d1e0f53';
const str = (s: string) => JSON.stringify(s);

/** JSON values (as text) a log line might hold per key — well-formed, odd, wrong, and of other types. */
const values: Record<string, fc.Arbitrary<string>> = {
  export_id: fc.constantFrom(
    str(EXPORT),
    str(EXPORT.toUpperCase()),
    str(` ${EXPORT}`),
    str(EXPORT.slice(1)),
    str(''),
    '12',
    'null',
    str(EXPORT).replace('a', '\\u0061'),
  ),
  listener_id: fc.oneof(
    fc.constantFrom(str('u1'), str(' padded'), str('ümlaut'), str('tab\tinside'), str('x'.repeat(201)), '42', 'null', 'true', str('a"b')),
    fc.string({ maxLength: 10 }).map(str),
  ),
  played_at: fc.oneof(
    fc.date({ min: new Date('1850-01-01T00:00:00Z'), max: new Date('2999-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => str(d.toISOString())),
    fc.constantFrom(str('2026-11-01T19:04:05Z'), str('2026-02-29T10:00:00Z'), str('2026-11-01T19:04:05+01:00'), str('2026-11-01'), '1762023845000', str('')),
  ),
  country: fc.constantFrom(str('US'), str('se'), str('XX'), str(''), 'null', '12', str('É'), str('UK'), str('XK'), str('SWE'), str(' s')),
  source: fc.constantFrom(str('radio'), str('SEARCH'), str('whatever'), str(' radio'), 'null', '3', str('')),
  ms_played: fc.oneof(
    fc.integer({ min: 0, max: 90_000_000 }).map(String),
    fc.constantFrom('-5', '1.5', '1e5', '007', '0', str('61000'), str(' 61000'), str(''), '99999999999', 'null', 'true', '86400001'),
  ),
  reason_end: fc.constantFrom(str('trackdone'), str('FWDBTN'), str('other'), 'null', '[1]', '{"a":1}'),
  note: fc.constantFrom(str('free text'), '{"nested":[1,2]}', '[]', 'false', '-1.5e3', str('ünï')),
  // Keys that are nearly play fields.
  export_idx: fc.constant(str(EXPORT)),
  Export_id: fc.constant(str(EXPORT)),
  'source:': fc.constant(str('radio')),
  ms: fc.constant('61000'),
};

function readBoth(line: string) {
  const fastKeys = new PlayKeys();
  const textKeys = new PlayKeys();
  const fast = new PlayLogBatch(fastKeys, 1);
  const text = new PlayLogBatch(textKeys, 1);
  const bytes = Buffer.from(line, 'utf8');
  ndjsonPlayLineReader(ndjsonPlayRecord)(bytes, 0, bytes.length, 3, fast, isAscii(bytes) ? ASCII | (bytes.includes(34) ? 0 : NO_QUOTES) : 0);
  text.add(3, ndjsonPlayRecord(line));
  const view = (batch: PlayLogBatch, keys: PlayKeys) => ({
    lines: batch.lines,
    problems: batch.problems,
    plays: Array.from({ length: batch.length }, (_, i) => [
      keys.kind[batch.key[i]!],
      keys.value[batch.key[i]!],
      keys.label[batch.key[i]!],
      batch.listener[i],
      batch.playedAt[i],
      batch.country[i],
      batch.source[i],
      batch.msPlayed[i],
      batch.reasonEnd[i],
    ]),
  });
  return { fast: view(fast, fastKeys), text: view(text, textKeys) };
}

/** Each play field usually well-formed (so lines reach the fast path), sometimes any variant. */
const valid: Record<string, string> = {
  export_id: str(EXPORT),
  listener_id: str('u1'),
  played_at: str('2026-11-01T18:04:05.250Z'),
  country: str('SE'),
  source: str('radio'),
  ms_played: '61000',
  reason_end: str('fwdbtn'),
};
const member = (key: string) =>
  fc
    .tuple(fc.oneof({ weight: 6, arbitrary: fc.constant(valid[key] ?? '1') }, { weight: 1, arbitrary: values[key]! }), fc.constantFrom('', ' ', '\t'))
    .map(([value, pad]) => `${str(key)}${pad}:${pad}${value}`);

it('reads every NDJSON line exactly as JSON.parse and parsePlayRecord do', () => {
  const line = fc
    .tuple(fc.subarray(Object.keys(valid), { minLength: 5 }), fc.array(fc.constantFrom(...Object.keys(values)), { maxLength: 2 }))
    .chain(([keys, extra]) => fc.tuple(...[...keys, ...extra].map(member)))
    .chain((members) => fc.shuffledSubarray(members, { minLength: members.length }));
  fc.assert(
    fc.property(line, fc.constantFrom(',', ', ', ' ,'), fc.constantFrom('', '', ' ', 'x', '}'), (members, comma, tail) => {
      const { fast, text } = readBoth(`{${members.join(comma)}}${tail}`);
      expect(fast).toEqual(text);
    }),
    { numRuns: 4000 },
  );
});

it('reads a well-formed line on the fast path, in any key order and spacing', () => {
  const lines = [
    `{"export_id":"${EXPORT}","listener_id":"u1","played_at":"2026-11-01T18:04:05.250Z","country":"SE","source":"radio","ms_played":61000,"reason_end":"fwdbtn"}`,
    `{ "ms_played": 61000, "reason_end": "fwdbtn", "played_at": "2026-11-01T18:04:05.250Z", "listener_id": "u1", "extra": [1, {"a": null}], "country": "se", "export_id": "${EXPORT}", "source": "Radio" }`,
  ];
  for (const line of lines) {
    const { fast, text } = readBoth(line);
    expect(fast.plays).toHaveLength(1);
    expect(fast).toEqual(text);
  }
});
