import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { migrate } from '../migrate';
import { analyticsMigrations } from './analyticsMigrations';

it('0003 rekeys every stored listener (plays by day and aside), keeps every other byte, empties the rollups and asks for a rebuild', () => {
  const db = new Database(':memory:');
  const rekey = (old: number) => old * 3 + 7;
  migrate(db, 2, analyticsMigrations(rekey));
  // A day of 2 plays in the version-2 layout: listeners first (float64), then the other columns.
  const columns = Buffer.alloc(2 * 25);
  columns.writeDoubleLE(2 ** 52 + 1, 0);
  columns.writeDoubleLE(12345, 8);
  for (let i = 16; i < columns.length; i++) columns[i] = i;
  db.prepare('INSERT INTO play_days (export_seq, day, plays, columns) VALUES (1, 20400, 2, ?)').run(columns);
  db.exec(`INSERT INTO plays_aside VALUES ('isrc', 'GBXYZ2600001', 'GB-XYZ-26-00001', 5, 99, 1000, 'SE', 0, 0, 1)`);
  db.exec(`INSERT INTO rollup_totals VALUES (1, 0, 2, 0, 0, 10)`);
  db.exec(
    `INSERT INTO play_imports (file_name, file_sha256, format, imported_at, lines, added, duplicates, malformed, aside, ignored) VALUES ('a', 'b', 'csv', 't', 1, 1, 0, 0, 0, 0)`,
  );

  migrate(db, 3, analyticsMigrations(rekey));
  const after = db.prepare<[], Buffer>('SELECT columns FROM play_days').pluck().get()!;
  expect([after.readDoubleLE(0), after.readDoubleLE(8)]).toEqual([rekey(2 ** 52 + 1), rekey(12345)]);
  expect(after.subarray(16)).toEqual(columns.subarray(16));
  expect(db.prepare('SELECT listener, played_at FROM plays_aside').raw().all()).toEqual([[rekey(99), 5]]);
  expect(db.prepare('SELECT count(*) FROM rollup_totals').pluck().get()).toBe(0);
  expect(db.prepare('SELECT key FROM analytics_meta').pluck().all()).toEqual(['rebuild']);
  expect(db.prepare('SELECT dropped FROM play_imports').pluck().get()).toBe(0);
  for (const table of ['export_listeners', 'listener_exports', 'flag_catches', 'flag_disputes', 'spotify_files', 'fix_attempts']) {
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?").pluck().get(table), table).toBe(1);
  }
  expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'listener_sets'").pluck().get()).toBe(0);
});
