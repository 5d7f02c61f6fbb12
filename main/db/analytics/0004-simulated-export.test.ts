import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { migrate } from '../migrate';
import { analyticsMigrations } from './analyticsMigrations';

it('0004 gives imports the export a simulation was for, keeping every existing import (unattributed)', () => {
  const db = new Database(':memory:');
  migrate(
    db,
    3,
    analyticsMigrations((old) => old),
  );
  const insert = db.prepare(
    `INSERT INTO play_imports (file_name, file_sha256, format, imported_at, lines, added, duplicates, malformed, aside, ignored, dropped) VALUES (?, ?, ?, '2026-11-24T00:00:00Z', 10, 9, 1, 0, 0, 0, 0)`,
  );
  insert.run('plays.ndjson', 'a'.repeat(64), 'ndjson');
  insert.run('simulated: 10 plays, seed 1', 'b'.repeat(64), 'simulated');
  const before = db.prepare('SELECT * FROM play_imports ORDER BY id').all();
  migrate(
    db,
    4,
    analyticsMigrations((old) => old),
  );
  const after = db.prepare('SELECT * FROM play_imports ORDER BY id').all() as Record<string, unknown>[];
  expect(after).toEqual(before.map((row) => ({ ...(row as object), export_id: null })));
  db.prepare("UPDATE play_imports SET export_id = 'x' WHERE id = 2").run();
  expect(db.prepare("SELECT sum(added) FROM play_imports WHERE format = 'simulated' AND export_id = 'x'").pluck().get()).toBe(9);
});
