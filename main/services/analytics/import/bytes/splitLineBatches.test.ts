import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { LineFormat } from './playLineReaderFor';
import { PlayKeys } from '../PlayKeys';
import { splitLineBatches } from './splitLineBatches';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stemroom-split-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const EXPORTS = ['0196f3a2-7c1e-7b3d-9a4f-2b8c6d1e0f53', '0196f3a2-7c1e-7b3d-9a4f-2b8c6d1e0f54', '0196f3a2-7c1e-7b3d-9a4f-2b8c6d1e0f55'];

/** Everything the batches say, in order, with keys spelled out. */
async function readAll(file: string, format: LineFormat, skipLines: number, minBytes: number, secondHalf?: (readBy: string, why?: string) => void) {
  const keys = new PlayKeys();
  const plays: unknown[] = [];
  const problems: unknown[] = [];
  const counts = { lines: 0, malformed: 0, ignored: 0 };
  let lastProgress = 0;
  for await (const batch of splitLineBatches(file, fs.statSync(file).size, keys, format, skipLines, { minBytes, secondHalf })) {
    for (let i = 0; i < batch.length; i++) plays.push([keys.kind[batch.key[i]!], keys.value[batch.key[i]!], keys.label[batch.key[i]!], batch.listener[i], batch.playedAt[i], batch.msPlayed[i], batch.country[i], batch.source[i], batch.reasonEnd[i]]);
    problems.push(...batch.problems);
    counts.lines += batch.lines;
    counts.malformed += batch.malformed;
    counts.ignored += batch.ignored;
    expect(batch.progress).toBeGreaterThanOrEqual(lastProgress);
    lastProgress = batch.progress;
  }
  return { plays, problems, counts, keys: keys.value, lastProgress };
}

function csvLine(i: number): string {
  if (i % 997 === 5) return 'not,a,play,at,all,x,y';
  if (i % 1499 === 7) return '';
  const exportId = i % 13 === 0 ? EXPORTS[i % 3]!.toUpperCase() : EXPORTS[i % 3]!;
  const listener = i % 101 === 0 ? `"quoted, ${i}"` : `listener-${i % 500}`;
  return `${exportId},${listener},${new Date(Date.UTC(2026, 10, 1) + i * 7919).toISOString()},SE,radio,${(i * 37) % 300_000},fwdbtn`;
}

it('reading a large log on two threads gives exactly what one thread reads: plays, keys, line numbers of problems, counts', async () => {
  const csv = path.join(dir, 'plays.csv');
  fs.writeFileSync(csv, ['export_id,listener_id,played_at,country,source,ms_played,reason_end', ...Array.from({ length: 60_000 }, (_, i) => csvLine(i))].join('\r\n'));
  const csvFormat: LineFormat = { format: 'csv', header: ['export_id', 'listener_id', 'played_at', 'country', 'source', 'ms_played', 'reason_end'] };
  const one = await readAll(csv, csvFormat, 1, Infinity);
  const readBy: string[] = [];
  const two = await readAll(csv, csvFormat, 1, 1, (by) => readBy.push(by));
  expect(readBy).toEqual(['worker']);
  expect(one.counts.malformed).toBeGreaterThan(50);
  expect(two).toEqual(one);
  expect(two.lastProgress).toBe(fs.statSync(csv).size);

  const ndjson = path.join(dir, 'plays.ndjson');
  fs.writeFileSync(ndjson, `${Array.from({ length: 40_000 }, (_, i) => (i % 811 === 3 ? '{"broken": ' : JSON.stringify({ export_id: EXPORTS[i % 3], listener_id: `l${i % 300}`, played_at: new Date(Date.UTC(2026, 10, 1) + i * 1000).toISOString(), ms_played: i % 200_000 }))).join('\n')}\n`);
  const ndjsonFormat: LineFormat = { format: 'ndjson', header: [] };
  const oneJson = await readAll(ndjson, ndjsonFormat, 0, Infinity);
  expect(await readAll(ndjson, ndjsonFormat, 0, 1, (by) => readBy.push(by))).toEqual(oneJson);
  expect(readBy).toEqual(['worker', 'worker']);
  expect(oneJson.problems).toContainEqual({ line: 4, reason: expect.stringMatching(/not JSON/) });
  expect(oneJson.problems).toContainEqual({ line: 3 + 811 * 40 + 1, reason: expect.stringMatching(/not JSON/) });
});

it('when the second half cannot be read by the worker, this thread reads it and refuses it the same way', async () => {
  const csv = path.join(dir, 'long.csv');
  const lines = ['export_id,listener_id,played_at,ms_played', ...Array.from({ length: 5000 }, (_, i) => csvLine(i).split(',').slice(0, 3).concat('1000').join(','))];
  lines.push('x'.repeat(70_000)); // the last line, never ended
  fs.writeFileSync(csv, lines.join('\n'));
  const format: LineFormat = { format: 'csv', header: ['export_id', 'listener_id', 'played_at', 'ms_played'] };
  await expect(readAll(csv, format, 1, Infinity)).rejects.toThrow('Line 5002 is longer than 65536 characters');
  const readBy: string[] = [];
  await expect(readAll(csv, format, 1, 1, (by, why) => readBy.push(`${by}: ${why}`))).rejects.toThrow('Line 5002 is longer than 65536 characters');
  expect(readBy).toEqual([expect.stringMatching(/^this thread: Line \d+ is longer than 65536 characters/)]);
});
