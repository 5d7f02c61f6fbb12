import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { migrate } from '../migrate';
import { analyticsMigrations } from './analyticsMigrations';

const DAY = 86_400_000;

it('0002 moves every stored play, flags and import included, into per-day rows and drops the plays table', () => {
  const db = new Database(':memory:');
  migrate(
    db,
    1,
    analyticsMigrations(() => 0),
  );
  const insert = db.prepare(
    'INSERT INTO plays (export_seq, played_at, listener, ms_played, country, source, reason_end, flags, import_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const day = 20_400;
  const plays = [
    [1, day * DAY + 5, 7, 2000, 'US', 2, 3, 1, 2],
    [1, day * DAY + 5, 2 ** 52 + 1, 1000, 'SE', 1, 0, 0, 1],
    [1, (day + 1) * DAY - 1, 7, 86_400_000, 'ZZ', 5, 5, 3, 2],
    [1, (day + 1) * DAY, 9, 0, 'GB', 0, 1, 2, 1],
    [2, day * DAY + 60_000, 9, 31_000, 'BR', 0, 3, 2, 1],
  ] as const;
  for (const p of plays) insert.run(...p);
  migrate(
    db,
    2,
    analyticsMigrations(() => 0),
  );

  expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'plays'").all()).toEqual([]);
  const rows = db
    .prepare<[], { seq: number; day: number; plays: number; columns: Buffer }>(
      'SELECT export_seq AS seq, day, plays, columns FROM play_days ORDER BY export_seq, day',
    )
    .all();
  expect(rows.map((r) => [r.seq, r.day, r.plays])).toEqual([
    [1, day, 3],
    [1, day + 1, 1],
    [2, day, 1],
  ]);
  const back = rows.flatMap((r) => {
    expect(r.columns.byteLength).toBe(r.plays * 25);
    const n = r.plays;
    const bytes = Buffer.from(r.columns);
    const at = (offset: number, width: number, i: number) => offset * n + width * i;
    return Array.from({ length: n }, (_, i) => [
      r.seq,
      r.day * DAY + bytes.readUInt32LE(at(8, 4, i)),
      bytes.readDoubleLE(at(0, 8, i)),
      bytes.readUInt32LE(at(12, 4, i)),
      String.fromCharCode(bytes[at(20, 2, i) + 1]!, bytes[at(20, 2, i)]!),
      bytes[at(22, 1, i)],
      bytes[at(23, 1, i)],
      bytes[at(24, 1, i)],
      bytes.readUInt32LE(at(16, 4, i)),
    ]);
  });
  expect(back).toEqual(plays.map((p) => [...p]));
});
