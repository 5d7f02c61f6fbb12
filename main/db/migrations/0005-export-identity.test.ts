import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { migrate } from '../migrate';

it('0005 gives exports their creator (from the ledger payload) and an optional ISRC', () => {
  const db = new Database(':memory:');
  migrate(db, 4);
  db.exec(`INSERT INTO ledger VALUES (1, 'e1', 't', '{"creator":{"name":"DJ Ada","role":"remixer"}}', 'a', 'b', 'c')`);
  db.exec(`INSERT INTO exports VALUES ('e1', 1, 'p1', 1, 'Song', 'remix', 'wav', '/x.wav', 1.5, 'sha', 't')`);
  migrate(db, 5);
  expect(db.prepare('SELECT creator, isrc FROM exports').get()).toEqual({ creator: 'DJ Ada', isrc: null });
  db.exec(`INSERT INTO ledger VALUES (2, 'e2', 't', '{}', 'a', 'b', 'c')`);
  db.exec(`INSERT INTO exports VALUES ('e2', 2, 'p1', 1, 'Song', 'remix', 'wav', '/y.wav', 1.5, 'sha', 't', 'Ada', 'GBXYZ2600001')`);
  expect(db.prepare('SELECT id FROM exports WHERE isrc = ?').pluck().get('GBXYZ2600001')).toBe('e2');
});
