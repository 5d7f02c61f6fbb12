import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { migrate } from '../migrate';

it('0003 adds projects with append-only revisions and user audio, keeping the catalog', () => {
  const db = new Database(':memory:');
  migrate(db, 2);
  db.exec("INSERT INTO catalog_packages VALUES ('pkg', 'P', 'Pub', 1, 'sha', 'now')");
  migrate(db, 3);
  expect(db.prepare('SELECT id FROM catalog_packages').pluck().all()).toEqual(['pkg']);
  db.exec(`
    INSERT INTO projects (id, name, kind, recording_id, created_at, updated_at, head_revision) VALUES ('p1', 'Remix', 'remix', 'r', 't', 't', 1);
    INSERT INTO project_revisions VALUES ('p1', 1, 't', 'Created', '{}', 'sha');
  `);
  expect(() => db.exec("UPDATE project_revisions SET label = 'tampered'")).toThrow(/append-only/);
  expect(() => db.exec('DELETE FROM project_revisions')).toThrow(/append-only/);
  expect(() =>
    db.exec("INSERT INTO projects (id, name, kind, recording_id, created_at, updated_at, head_revision) VALUES ('p2', 'X', 'mashup', 'r', 't', 't', 1)"),
  ).toThrow(/CHECK/);
  expect(db.prepare("SELECT label FROM project_revisions WHERE project_id = 'p1'").pluck().get()).toBe('Created');
});
