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
async function readAll(
  file: string,
  format: LineFormat,
  skipLines: number,
  minBytes: number,
  secondHalf?: (readBy: string, why?: string) => void,
  workerScript?: () => string,
) {
  const keys = new PlayKeys();
  const plays: unknown[] = [];
  const problems: unknown[] = [];
  const counts = { lines: 0, malformed: 0, ignored: 0 };
  let lastProgress = 0;
  for await (const batch of splitLineBatches(file, fs.statSync(file).size, keys, format, skipLines, {
    minBytes,
    secondHalf,
    ...(workerScript ? { workerScript } : {}),
  })) {
    for (let i = 0; i < batch.length; i++)
      plays.push([
        keys.kind[batch.key[i]!],
        keys.value[batch.key[i]!],
        keys.label[batch.key[i]!],
        batch.listener[i],
        batch.playedAt[i],
        batch.msPlayed[i],
        batch.country[i],
        batch.source[i],
        batch.reasonEnd[i],
      ]);
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
  fs.writeFileSync(
    csv,
    ['export_id,listener_id,played_at,country,source,ms_played,reason_end', ...Array.from({ length: 60_000 }, (_, i) => csvLine(i))].join('\r\n'),
  );
  const csvFormat: LineFormat = { format: 'csv', header: ['export_id', 'listener_id', 'played_at', 'country', 'source', 'ms_played', 'reason_end'] };
  const one = await readAll(csv, csvFormat, 1, Infinity);
  const readBy: string[] = [];
  const two = await readAll(csv, csvFormat, 1, 1, (by) => readBy.push(by));
  expect(readBy).toEqual(['worker']);
  expect(one.counts.malformed).toBeGreaterThan(50);
  expect(two).toEqual(one);
  expect(two.lastProgress).toBe(fs.statSync(csv).size);

  const ndjson = path.join(dir, 'plays.ndjson');
  fs.writeFileSync(
    ndjson,
    `${Array.from({ length: 40_000 }, (_, i) => (i % 811 === 3 ? '{"broken": ' : JSON.stringify({ export_id: EXPORTS[i % 3], listener_id: `l${i % 300}`, played_at: new Date(Date.UTC(2026, 10, 1) + i * 1000).toISOString(), ms_played: i % 200_000 }))).join('\n')}\n`,
  );
  const ndjsonFormat: LineFormat = { format: 'ndjson', header: [] };
  const oneJson = await readAll(ndjson, ndjsonFormat, 0, Infinity);
  expect(await readAll(ndjson, ndjsonFormat, 0, 1, (by) => readBy.push(by))).toEqual(oneJson);
  expect(readBy).toEqual(['worker', 'worker']);
  expect(oneJson.problems).toContainEqual({ line: 4, reason: expect.stringMatching(/not JSON/) });
  expect(oneJson.problems).toContainEqual({ line: 3 + 811 * 40 + 1, reason: expect.stringMatching(/not JSON/) });
});

it('when the worker fails, this thread reads the second half itself with the same result', async () => {
  const csv = path.join(dir, 'long.csv');
  const lines = [
    'export_id,listener_id,played_at,ms_played',
    ...Array.from({ length: 5000 }, (_, i) => csvLine(i).split(',').slice(0, 3).concat('1000').join(',')),
  ];
  lines.push('x'.repeat(70_000)); // the last line, never ended: skipped as too long, not fatal
  fs.writeFileSync(csv, lines.join('\n'));
  const format: LineFormat = { format: 'csv', header: ['export_id', 'listener_id', 'played_at', 'ms_played'] };
  const one = await readAll(csv, format, 1, Infinity);
  expect(one.problems).toContainEqual({ line: 5002, reason: 'longer than 65536 bytes: not a play' });
  const readBy: string[] = [];
  const failing = () => "require('node:worker_threads').parentPort.postMessage({ error: 'disk went away' });";
  expect(await readAll(csv, format, 1, 1, (by, why) => readBy.push(`${by}: ${why}`), failing)).toEqual(one);
  expect(readBy).toEqual(['this thread: disk went away']);
});

it('a quoted CSV field holding line breaks across the split is read whole, on this thread, as one thread would', async () => {
  const csv = path.join(dir, 'quoted.csv');
  const rows = Array.from({ length: 4000 }, (_, i) => csvLine(i));
  // A listener id of many lines straddling the middle of the file.
  rows.splice(2000, 0, `${EXPORTS[0]},"multi${'\nline'.repeat(3000)}",2026-11-01T00:00:00Z,SE,radio,1000,fwdbtn`);
  fs.writeFileSync(csv, ['export_id,listener_id,played_at,country,source,ms_played,reason_end', ...rows].join('\n'));
  const format: LineFormat = { format: 'csv', header: ['export_id', 'listener_id', 'played_at', 'country', 'source', 'ms_played', 'reason_end'] };
  const one = await readAll(csv, format, 1, Infinity);
  const readBy: string[] = [];
  expect(await readAll(csv, format, 1, 1, (by, why) => readBy.push(`${by}: ${why}`))).toEqual(one);
  expect(readBy).toEqual(['this thread: a quoted field runs across the split']);
  // Every row is one record, the multi-line one too: read whole (its listener id is too long to be one), numbered by its first line.
  expect(one.counts.lines).toBe(rows.filter((r) => r !== '').length);
  expect(one.counts.malformed).toBe(rows.filter((r) => r.startsWith('not,')).length + 1);
  expect(one.problems).toContainEqual({ line: 2002, reason: 'listener_id is longer than 200 characters' });
  expect(one.problems.at(-1)).toEqual({ line: 2 + 3000 + rows.findLastIndex((r) => r.startsWith('not,')), reason: expect.stringMatching(/fields|not/) });
});
