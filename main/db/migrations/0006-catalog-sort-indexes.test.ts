import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { migrate } from '../migrate';

function plan(db: Database.Database, sql: string): string {
  return db
    .prepare(`EXPLAIN QUERY PLAN ${sql}`)
    .all()
    .map((row) => (row as { detail: string }).detail)
    .join('\n');
}

it('0006 lets the catalog sort by artist and by BPM, and filter key + BPM, from indexes', () => {
  const db = new Database(':memory:');
  migrate(db, 5);
  expect(plan(db, 'SELECT rowid FROM recordings r ORDER BY r.display_artist COLLATE NOCASE, r.title COLLATE NOCASE, r.rowid LIMIT 10')).toMatch(/TEMP B-TREE/);
  migrate(db, 6);
  expect(plan(db, 'SELECT rowid FROM recordings r ORDER BY r.display_artist COLLATE NOCASE, r.title COLLATE NOCASE, r.rowid LIMIT 10')).toBe(
    'SCAN r USING COVERING INDEX recordings_artist',
  );
  expect(plan(db, 'SELECT rowid FROM recordings r ORDER BY r.bpm, r.title COLLATE NOCASE, r.rowid LIMIT 10')).toBe(
    'SCAN r USING COVERING INDEX recordings_bpm_title',
  );
  expect(plan(db, "SELECT rowid FROM recordings r WHERE r.musical_key = 'A minor' AND r.bpm BETWEEN 120 AND 128")).toMatch(
    /recordings_key_bpm \(musical_key=\? AND bpm>\? AND bpm<\?\)/,
  );
});
