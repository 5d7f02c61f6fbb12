import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { migrate } from '../migrate';

it('0001 creates library_meta with a library id and creation time', () => {
  const db = new Database(':memory:');
  migrate(db, 1);
  const meta = Object.fromEntries(db.prepare('SELECT key, value FROM library_meta').raw().all() as [string, string][]);
  expect(meta.library_id).toMatch(/^[0-9a-f]{32}$/);
  expect(new Date(meta.created_at!).getTime()).toBeGreaterThan(Date.parse('2020-01-01'));
  expect(db.pragma('user_version', { simple: true })).toBe(1);
});
