import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { PlayKeys } from '../PlayKeys';
import { jsonArrayBatches, MAX_ENTRY } from './jsonArrayBatches';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stemroom-json-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The entries handed to the parser, and the problems, for a file's text read `readBytes` at a time. */
async function entriesOf(text: string, readBytes: number) {
  const file = path.join(dir, `a-${Math.random().toString(36).slice(2)}.json`);
  fs.writeFileSync(file, text);
  const entries: unknown[] = [];
  const problems: [number, string][] = [];
  for await (const batch of jsonArrayBatches(file, new PlayKeys(), (value) => (entries.push(value), { ignored: 'seen' }), { readBytes })) {
    for (const p of batch.problems) problems.push([p.line, p.reason]);
  }
  fs.rmSync(file);
  return { entries, problems };
}

describe('jsonArrayBatches', () => {
  it('hands over exactly the entries JSON.parse finds in the whole array, whatever the read size and spacing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 8 }),
        fc.integer({ min: 1, max: 64 }),
        fc.constantFrom(0, 2),
        async (values, readBytes, indent) => {
          const text = JSON.stringify(values, null, indent);
          expect((await entriesOf(text, readBytes)).entries).toEqual(JSON.parse(text));
        },
      ),
      { numRuns: 200 },
    );
    const tricky = ['{"a":"],[{"}', '{"q":"\\"]"}', '["x", {"y": [1, 2]}]', '"\\\\"', '{"é":"ü—😀"}'];
    for (const readBytes of [1, 2, 3, 5])
      expect((await entriesOf(`\uFEFF[ ${tricky.join(' ,\n')} ]\n`, readBytes)).entries).toEqual(tricky.map((t) => JSON.parse(t)));
  });

  it('skips what cannot be an entry, numbered, and keeps the rest', async () => {
    const good = '{"ts":"2026-11-01T00:00:00Z"}';
    const { entries, problems } = await entriesOf(`[${good},{"broken": },,${good},${'{"pad":"' + 'x'.repeat(MAX_ENTRY) + '"}'},${good}] trailing`, 1000);
    expect(entries).toHaveLength(3);
    expect(problems).toEqual([
      [2, expect.stringMatching(/^not JSON/)],
      [3, 'an empty entry'],
      [5, `longer than ${MAX_ENTRY} bytes: not a play`],
      [7, 'text after the array has ended'],
    ]);
    expect((await entriesOf(`[${good},{"ts": "2026-11-01T00:00:00Z",`, 7)).problems).toEqual([[2, 'the file ends inside this entry (cut short?)']]);
    expect((await entriesOf('[]', 1)).entries).toEqual([]);
  });

  it('reads a file far larger than one read with memory for one read', async () => {
    const entry = JSON.stringify({ ts: '2026-11-01T00:00:00Z', ms_played: 1, master_metadata_track_name: 'x'.repeat(400) });
    const count = 60_000;
    const file = path.join(dir, 'big.json');
    fs.writeFileSync(file, `[${Array.from({ length: count }, () => entry).join(',')}]`);
    let seen = 0;
    let lastProgress = 0;
    for await (const batch of jsonArrayBatches(file, new PlayKeys(), () => (seen++, { ignored: 'seen' }), { readBytes: 1 << 16 })) {
      expect(batch.progress).toBeGreaterThan(lastProgress);
      lastProgress = batch.progress;
    }
    expect(seen).toBe(count);
    expect(lastProgress).toBe(fs.statSync(file).size);
  });
});
