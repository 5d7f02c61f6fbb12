import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { migrate } from '../migrate';

it('0004 adds the append-only ledger, exports and the export journal, keeping projects', () => {
  const db = new Database(':memory:');
  migrate(db, 3);
  db.exec("INSERT INTO projects (id, name, kind, recording_id, created_at, updated_at, head_revision) VALUES ('p1', 'Remix', 'remix', 'r', 't', 't', 1)");
  migrate(db, 4);
  expect(db.prepare('SELECT name FROM projects').pluck().get()).toBe('Remix');
  db.exec(`INSERT INTO ledger VALUES (1, 'e1', 't', '{}', 'a', 'b', 'c')`);
  db.exec(`INSERT INTO exports VALUES ('e1', 1, 'p1', 1, 'Song', 'remix', 'wav', '/x.wav', 1.5, 'sha', 't')`);
  expect(() => db.exec("UPDATE ledger SET entry_hash = 'x'")).toThrow(/append-only/);
  expect(() => db.exec('DELETE FROM ledger')).toThrow(/append-only/);
  expect(() => db.exec(`INSERT INTO ledger VALUES (2, 'e1', 't', '{}', 'a', 'b', 'c')`)).toThrow(/UNIQUE/);
  db.exec(`INSERT INTO export_journal VALUES ('e2', 't', '/f', '/t', '/c', '/ct', '{}', '{}')`);
  db.exec("DELETE FROM export_journal WHERE export_id = 'e2'");
  expect(db.prepare('SELECT count(*) FROM export_journal').pluck().get()).toBe(0);
});
