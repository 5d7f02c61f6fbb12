import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { PlayKeys } from '../PlayKeys';
import { lineRangeBatches, MAX_LINE } from './lineRangeBatches';
import type { PlayLineReader } from './PlayLineReader';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stemroom-lines-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

type Seen = { records: [number, string][]; problems: [number, string][] };

/** Every record the reader is handed, and every problem, with line numbers. */
async function readRecords(text: string, quotedNewlines: boolean, readBytes: number): Promise<Seen> {
  const file = path.join(dir, `f-${Math.random().toString(36).slice(2)}.txt`);
  fs.writeFileSync(file, text);
  const records: [number, string][] = [];
  const read: PlayLineReader = (bytes, start, end, line) => void records.push([line, bytes.toString('latin1', start, end)]);
  const problems: [number, string][] = [];
  for await (const batch of lineRangeBatches(file, new PlayKeys(), read, { from: 0, to: text.length, skipLines: 0, quotedNewlines, readBytes })) {
    for (const p of batch.problems) problems.push([p.line, p.reason.startsWith('longer') ? 'long' : 'open']);
  }
  fs.rmSync(file);
  return { records, problems };
}

/**
 * The same rules, read off the whole text at once: records end at a line
 * break outside quotes (a quote opens a field only at its start); a record
 * not ended within MAX_LINE + 1 characters is a problem — "open" when by
 * then it is inside a quoted field it opened on an earlier line (reading
 * resumes on its second line), else "long" (skipped to its line break).
 */
function reference(text: string, quoted: boolean): Seen {
  const seen: Seen = { records: [], problems: [] };
  let pos = 0;
  let line = 0;
  while (pos < text.length) {
    const limit = Math.min(text.length, pos + MAX_LINE + 1);
    let i = pos;
    let inQuote = false;
    let fieldStart = true;
    let inner = 0;
    let end = -1;
    for (; i < limit; i++) {
      const c = text[i]!;
      if (inQuote) {
        if (c === '"' && text[i + 1] === '"') i++;
        else if (c === '"') inQuote = false;
        else if (c === '\n') inner++;
        continue;
      }
      if (c === '\n') {
        end = i;
        break;
      }
      if (quoted && c === '"' && fieldStart) inQuote = true;
      fieldStart = c === ',';
    }
    if (end < 0 && text.length - pos <= MAX_LINE && !(inQuote && inner > 0)) end = text.length;
    if (end >= 0) {
      let body = text.slice(pos, end);
      if (body.endsWith('\r')) body = body.slice(0, -1);
      if (body.trim()) seen.records.push([line + 1, body]);
      line += 1 + inner;
      pos = end + 1;
      continue;
    }
    line++;
    if (inQuote && inner > 0) {
      seen.problems.push([line, 'open']);
      pos = text.indexOf('\n', pos) + 1;
    } else {
      seen.problems.push([line, 'long']);
      const newline = text.indexOf('\n', limit);
      pos = newline < 0 ? text.length : newline + 1;
    }
  }
  return seen;
}

describe('lineRangeBatches', () => {
  it('skips a line over 64 KiB as malformed wherever it falls against the reads, and reads every other line', async () => {
    const good = Array.from({ length: 40 }, (_, i) => `line ${i},${'y'.repeat(i * 37)}`);
    const long = 'x'.repeat(MAX_LINE + 1);
    for (const readBytes of [1 << 20, 4096, 65_536, 70_000]) {
      for (const at of [0, 1, 7, 20, 39, 40]) {
        const lines = [...good];
        lines.splice(at, 0, long);
        const text = `${lines.join('\n')}${at % 2 ? '' : '\n'}`;
        const seen = await readRecords(text, false, readBytes);
        expect(seen.problems, `long line ${at + 1}, reads of ${readBytes}`).toEqual([[at + 1, 'long']]);
        expect(seen.records.map(([, r]) => r)).toEqual(good);
        expect(seen).toEqual(reference(text, false));
      }
    }
    // Exactly 64 KiB is still a line; one byte more is not.
    const edge = await readRecords(`${'z'.repeat(MAX_LINE)}\nnext\n${'z'.repeat(MAX_LINE + 1)}`, false, 5000);
    expect(edge.records.map(([n, r]) => [n, r.length])).toEqual([
      [1, MAX_LINE],
      [2, 4],
    ]);
    expect(edge.problems).toEqual([[3, 'long']]);
  });

  it('reads CSV records whose quoted fields hold line breaks (RFC 4180) across any read boundary, numbered by their first line', async () => {
    const text = 'a,"one\ntwo",b\r\n"x ""quoted""\r\ny",z\n"",plain"quote\nlast';
    for (const readBytes of [1, 2, 3, 5, 8, 13, 64]) {
      const seen = await readRecords(text, true, readBytes);
      expect(seen.records).toEqual([
        [1, 'a,"one\ntwo",b'],
        [3, '"x ""quoted""\r\ny",z'],
        [5, '"",plain"quote'],
        [6, 'last'],
      ]);
      expect(seen.problems).toEqual([]);
    }
    // A quote just before the 64 KiB limit is told from a doubled one by the byte after it, whatever the read size (found by the fuzzer).
    const straddling = `"\n\n${'Q'.repeat(MAX_LINE - 9)}\na a,,"\n\n${'Q'.repeat(MAX_LINE - 10)}`;
    for (const readBytes of [3000, 70_000]) expect(await readRecords(straddling, true, readBytes)).toEqual(reference(straddling, true));
    // NDJSON has no quoted line breaks: the same bytes are lines.
    expect((await readRecords(text, false, 7)).records).toHaveLength(6);
  });

  it('reports a quoted field left open past 64 KiB at its line and reads on from the next line', async () => {
    const good = Array.from({ length: 5000 }, (_, i) => `row ${i},fine ${i}`);
    const text = ['first', '"never closed,', ...good].join('\n');
    const seen = await readRecords(text, true, 4096);
    expect(seen.problems).toEqual([[2, 'open']]);
    expect(seen.records.map(([n]) => n)).toEqual([1, ...good.map((_, i) => i + 3)]);
  });

  it('agrees with a reference reading of the whole text for any mix of lines, quotes and read sizes', async () => {
    const piece = fc.oneof(
      { weight: 6, arbitrary: fc.stringMatching(/^[a-z ,]{0,30}$/) },
      { weight: 2, arbitrary: fc.constantFrom('"q,1"', '"a\nb"', '"x""y\r\nz"', 'mid"quote', '"', '""', '\r') },
      { weight: 1, arbitrary: fc.integer({ min: MAX_LINE - 2, max: MAX_LINE + 3 }).map((n) => 'L'.repeat(n)) },
      { weight: 1, arbitrary: fc.integer({ min: MAX_LINE - 10, max: MAX_LINE + 10 }).map((n) => `"${'\n'.repeat(2)}${'Q'.repeat(n)}`) },
    );
    const texts = (pieces: fc.Arbitrary<string>) =>
      fc
        .array(
          fc.array(pieces, { maxLength: 4 }).map((parts) => parts.join(',')),
          { maxLength: 12 },
        )
        .map((lines) => lines.join('\n'));
    const short = fc.oneof(
      { weight: 3, arbitrary: fc.stringMatching(/^[a-z ,]{0,30}$/) },
      { weight: 2, arbitrary: fc.constantFrom('"q,1"', '"a\nb"', '"x""y\r\nz"', 'mid"quote', '"', '""', '\r') },
    );
    await fc.assert(
      fc.asyncProperty(texts(short), fc.integer({ min: 1, max: 40 }), fc.boolean(), async (text, readBytes, quoted) => {
        expect(await readRecords(text, quoted, readBytes)).toEqual(reference(text, quoted));
      }),
      { numRuns: 150 },
    );
    await fc.assert(
      fc.asyncProperty(texts(piece), fc.integer({ min: 3000, max: 70_000 }), fc.boolean(), async (text, readBytes, quoted) => {
        expect(await readRecords(text, quoted, readBytes)).toEqual(reference(text, quoted));
      }),
      { numRuns: 40 },
    );
  });
});
