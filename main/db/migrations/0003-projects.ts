import type { Migration } from '../Migration';

/**
 * Projects and their append-only revision history (a trigger refuses any
 * UPDATE or DELETE of a revision), plus the user's own audio (recorded
 * takes) kept in the content store.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'projects',
  up(db) {
    db.exec(`
      CREATE TABLE projects (
        id            TEXT PRIMARY KEY,
        name          TEXT NOT NULL,
        kind          TEXT NOT NULL CHECK (kind IN ('remix', 'cover')),
        recording_id  TEXT NOT NULL,
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        deleted_at    TEXT,
        head_revision INTEGER NOT NULL,
        undo_json     TEXT NOT NULL DEFAULT '[]',
        redo_json     TEXT NOT NULL DEFAULT '[]'
      ) STRICT;
      CREATE INDEX projects_updated ON projects (deleted_at, updated_at);

      CREATE TABLE project_revisions (
        project_id      TEXT NOT NULL REFERENCES projects(id),
        revision        INTEGER NOT NULL,
        created_at      TEXT NOT NULL,
        label           TEXT NOT NULL,
        document_json   TEXT NOT NULL,
        document_sha256 TEXT NOT NULL,
        PRIMARY KEY (project_id, revision)
      ) STRICT;
      CREATE TRIGGER project_revisions_no_update BEFORE UPDATE ON project_revisions
        BEGIN SELECT RAISE(ABORT, 'project revisions are append-only'); END;
      CREATE TRIGGER project_revisions_no_delete BEFORE DELETE ON project_revisions
        BEGIN SELECT RAISE(ABORT, 'project revisions are append-only'); END;

      CREATE TABLE user_audio (
        sha256      TEXT PRIMARY KEY,
        name        TEXT NOT NULL,
        format      TEXT NOT NULL,
        sample_rate INTEGER NOT NULL,
        channels    INTEGER NOT NULL,
        frames      INTEGER NOT NULL,
        peaks       BLOB NOT NULL,
        created_at  TEXT NOT NULL
      ) STRICT;
    `);
  },
};
