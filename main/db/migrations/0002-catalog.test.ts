import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { migrate } from '../migrate';

it('0002 adds the catalog beside an existing library, with its constraints', () => {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, 1);
  const libraryId = db.prepare("SELECT value FROM library_meta WHERE key = 'library_id'").pluck().get();
  migrate(db, 2);
  expect(db.prepare("SELECT value FROM library_meta WHERE key = 'library_id'").pluck().get()).toBe(libraryId);
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table') AND name NOT LIKE 'recordings_fts_%' ORDER BY name").pluck().all();
  expect(tables).toEqual(
    expect.arrayContaining([
      'catalog_packages',
      'parties',
      'works',
      'work_shares',
      'recordings',
      'master_shares',
      'stems',
      'licences',
      'licence_history',
      'recordings_fts',
    ]),
  );

  db.exec(`
    INSERT INTO catalog_packages VALUES ('pkg', 'P', 'Pub', 1, 'sha', 'now');
    INSERT INTO parties VALUES ('p', 'Party', 'person', NULL, NULL);
    INSERT INTO works VALUES ('w', 'pkg', 'Work', NULL);
    INSERT INTO recordings VALUES ('r', 'pkg', 'w', 'Title', 'ZZ0000000001', 'Artist', 'Label', 120, 'A minor', 1000, NULL, '[]');
  `);
  // A master licence must name a recording; a share is 0–10000 basis points; a work must exist.
  expect(() => db.exec("INSERT INTO licences VALUES ('L', 'pkg', 1, 'master', NULL, 'w', 'p', '2026-01-01', NULL, '{}')")).toThrow(/CHECK/);
  expect(() => db.exec("INSERT INTO work_shares VALUES ('w', 'writer', 0, 'p', 'composer', 10001)")).toThrow(/CHECK/);
  expect(() => db.exec("INSERT INTO recordings VALUES ('r2', 'pkg', 'no-such-work', 'T', 'ZZ0000000002', 'A', 'L', 120, 'A minor', 1000, NULL, '[]')")).toThrow(
    /FOREIGN KEY/,
  );
  // Full-text search finds by prefix.
  db.exec(
    "INSERT INTO recordings_fts (rowid, title, display_artist, work_title, people, label, isrc) VALUES (1, 'Glass Orchard', 'Mira Vale', 'Glass Orchard', '', '', '')",
  );
  expect(db.prepare('SELECT rowid FROM recordings_fts WHERE recordings_fts MATCH \'"orch"*\'').pluck().all()).toEqual([1]);
});
