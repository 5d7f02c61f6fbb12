import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { migrate } from '../migrate';

it('0007 gives existing parties the package that first declared them, and adds keys, signatures and fingerprints', () => {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, 6);
  const manifest = (parties: string[]) => JSON.stringify({ parties: parties.map((id) => ({ id, name: id })) });
  db.exec(`
    INSERT INTO catalog_packages VALUES ('pkg-a', 'A', 'Pub A', 1, 'sha-a', '2026-01-02');
    INSERT INTO catalog_packages VALUES ('pkg-b', 'B', 'Pub B', 1, 'sha-b', '2026-01-01');
    INSERT INTO parties VALUES ('p-shared', 'Shared', 'person', NULL, NULL), ('p-a', 'Only A', 'person', NULL, NULL), ('p-orphan', 'Nobody', 'person', NULL, NULL);
  `);
  const version = db.prepare('INSERT INTO catalog_package_versions VALUES (?, 1, ?, ?, ?)');
  version.run('pkg-a', 'sha-a', manifest(['p-shared', 'p-a']), '2026-01-02');
  version.run('pkg-b', 'sha-b', manifest(['p-shared']), '2026-01-01');
  migrate(db, 7);
  expect(db.prepare('SELECT id, package_id FROM parties ORDER BY id').all()).toEqual([
    { id: 'p-a', package_id: 'pkg-a' },
    { id: 'p-orphan', package_id: null },
    { id: 'p-shared', package_id: 'pkg-b' },
  ]);
  expect(db.prepare('SELECT signature_json FROM catalog_package_versions').pluck().all()).toEqual([null, null]);
  db.exec("INSERT INTO package_keys VALUES ('pkg-a', 'key', 'fp', 'now')");
  expect(() => db.exec("INSERT INTO package_keys VALUES ('no-such-package', 'key', 'fp', 'now')")).toThrow(/FOREIGN KEY/);
  expect(() => db.exec("INSERT INTO audio_matches VALUES ('sha', 'stem', 'guess', 0, 1, 1)")).toThrow(/CHECK/);
});
