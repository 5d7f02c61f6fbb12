import type { Migration } from '../Migration';

/**
 * Exports and the ledger. The ledger is append-only and hash-chained:
 * entry_hash = SHA-256(previous_hash ‖ SHA-256(payload)); triggers refuse
 * any UPDATE or DELETE. The journal makes "file and ledger entry appear
 * together or not at all" survive a crash: a pending export is recorded
 * before its file is renamed into place, and completed or rolled back at
 * the next start.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'exports',
  up(db) {
    db.exec(`
      CREATE TABLE ledger (
        position       INTEGER PRIMARY KEY,
        export_id      TEXT NOT NULL UNIQUE,
        created_at     TEXT NOT NULL,
        payload_json   TEXT NOT NULL,
        payload_sha256 TEXT NOT NULL,
        previous_hash  TEXT NOT NULL,
        entry_hash     TEXT NOT NULL
      ) STRICT;
      CREATE TRIGGER ledger_no_update BEFORE UPDATE ON ledger
        BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END;
      CREATE TRIGGER ledger_no_delete BEFORE DELETE ON ledger
        BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END;

      CREATE TABLE exports (
        id              TEXT PRIMARY KEY,
        ledger_position INTEGER NOT NULL UNIQUE REFERENCES ledger(position),
        project_id      TEXT NOT NULL,
        revision        INTEGER NOT NULL,
        title           TEXT NOT NULL,
        version_type    TEXT NOT NULL,
        format          TEXT NOT NULL,
        path            TEXT NOT NULL,
        duration_sec    REAL NOT NULL,
        audio_sha256    TEXT NOT NULL,
        created_at      TEXT NOT NULL
      ) STRICT;
      CREATE INDEX exports_project ON exports (project_id, created_at);
      CREATE INDEX exports_audio ON exports (audio_sha256);

      CREATE TABLE export_journal (
        export_id     TEXT PRIMARY KEY,
        started_at    TEXT NOT NULL,
        final_path    TEXT NOT NULL,
        temp_path     TEXT NOT NULL,
        credits_path  TEXT NOT NULL,
        credits_temp  TEXT NOT NULL,
        record_json   TEXT NOT NULL,
        export_json   TEXT NOT NULL
      ) STRICT;
    `);
  },
};
