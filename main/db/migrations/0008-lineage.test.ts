import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { migrate } from '../migrate';

it('0008 marks existing stems as plain stems (no mix, nothing upstream) and adds the lineage, publication and approval tables', () => {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, 7);
  db.exec(`
    INSERT INTO catalog_packages VALUES ('pkg-a', 'A', 'Pub A', 1, 'sha-a', '2026-01-02');
    INSERT INTO parties VALUES ('p-a', 'A', 'person', NULL, NULL, 'pkg-a');
    INSERT INTO works VALUES ('w-a', 'pkg-a', 'Song', NULL);
    INSERT INTO recordings (id, package_id, work_id, title, isrc, display_artist, label, bpm, musical_key, duration_ms) VALUES ('r-a', 'pkg-a', 'w-a', 'Song', 'ZZTST2600001', 'A', 'L', 100, 'A minor', 1000);
    INSERT INTO stems (id, recording_id, position, name, kind, sha256, format, sample_rate, channels, frames, peak_dbfs, peaks) VALUES ('s-a', 'r-a', 0, 'Mix', 'other', 'ab', 'wav', 48000, 2, 48000, -1, x'00');
  `);
  migrate(db, 8);
  expect(db.prepare('SELECT id, mix, contains_json FROM stems').all()).toEqual([{ id: 's-a', mix: 0, contains_json: '[]' }]);
  expect(() => db.exec('UPDATE stems SET mix = 2')).toThrow(/CHECK/);
  expect(() => db.exec("INSERT INTO lineage_manifests VALUES ('no-such-package', 'p', 's', '{}', '{}', 'fp')")).toThrow(/FOREIGN KEY/);
  db.exec("INSERT INTO derivatives VALUES ('pkg-a', 'r-a', 'e-1', 'A', '{}')");
  expect(() => db.exec("INSERT INTO derivatives VALUES ('pkg-a', 'r-b', 'e-1', 'A', '{}')")).toThrow(/UNIQUE|PRIMARY/);
  expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('publications', 'approvals') ORDER BY name").pluck().all()).toEqual([
    'approvals',
    'publications',
  ]);
});
