import type { Migration } from '../Migration';

/**
 * Plays and the rollups the dashboards read. Plays are keyed by what makes
 * a play the same play (export, time, listener, time played), so importing
 * a file twice adds nothing. Rollups are split by `flagged` (1 = looks
 * artificial) so any figure can be read with or without those plays.
 */
export const analyticsMigration0001: Migration = {
  version: 1,
  name: 'plays',
  up(db) {
    db.exec(`
      CREATE TABLE tracked_exports (
        seq         INTEGER PRIMARY KEY,
        export_id   TEXT NOT NULL UNIQUE,
        duration_ms INTEGER NOT NULL CHECK (duration_ms > 0)
      ) STRICT;

      CREATE TABLE play_imports (
        id          INTEGER PRIMARY KEY,
        file_name   TEXT NOT NULL,
        file_sha256 TEXT NOT NULL,
        format      TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        lines       INTEGER NOT NULL,
        added       INTEGER NOT NULL,
        duplicates  INTEGER NOT NULL,
        malformed   INTEGER NOT NULL,
        aside       INTEGER NOT NULL,
        ignored     INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE plays (
        export_seq INTEGER NOT NULL,
        played_at  INTEGER NOT NULL,
        listener   INTEGER NOT NULL,
        ms_played  INTEGER NOT NULL,
        country    TEXT NOT NULL,
        source     INTEGER NOT NULL,
        reason_end INTEGER NOT NULL,
        flags      INTEGER NOT NULL,
        import_id  INTEGER NOT NULL,
        PRIMARY KEY (export_seq, played_at, listener, ms_played)
      ) WITHOUT ROWID, STRICT;

      CREATE TABLE plays_aside (
        key_kind   TEXT NOT NULL,
        key_value  TEXT NOT NULL,
        label      TEXT NOT NULL,
        played_at  INTEGER NOT NULL,
        listener   INTEGER NOT NULL,
        ms_played  INTEGER NOT NULL,
        country    TEXT NOT NULL,
        source     INTEGER NOT NULL,
        reason_end INTEGER NOT NULL,
        import_id  INTEGER NOT NULL,
        PRIMARY KEY (key_kind, key_value, played_at, listener, ms_played)
      ) WITHOUT ROWID, STRICT;

      CREATE TABLE rollup_totals (
        export_seq  INTEGER NOT NULL,
        flagged     INTEGER NOT NULL,
        plays       INTEGER NOT NULL,
        skips       INTEGER NOT NULL,
        completions INTEGER NOT NULL,
        listened_ms INTEGER NOT NULL,
        PRIMARY KEY (export_seq, flagged)
      ) WITHOUT ROWID, STRICT;

      CREATE TABLE rollup_endings (
        export_seq INTEGER NOT NULL,
        flagged    INTEGER NOT NULL,
        second     INTEGER NOT NULL,
        plays      INTEGER NOT NULL,
        PRIMARY KEY (export_seq, flagged, second)
      ) WITHOUT ROWID, STRICT;

      CREATE TABLE rollup_breakdowns (
        export_seq  INTEGER NOT NULL,
        flagged     INTEGER NOT NULL,
        dimension   TEXT NOT NULL,
        key         TEXT NOT NULL,
        plays       INTEGER NOT NULL,
        skips       INTEGER NOT NULL,
        completions INTEGER NOT NULL,
        listened_ms INTEGER NOT NULL,
        PRIMARY KEY (export_seq, flagged, dimension, key)
      ) WITHOUT ROWID, STRICT;

      -- Each export's distinct listeners as a sorted array of 53-bit keys (float64, little-endian):
      -- merging an import's listeners into it is a linear merge, and the counts read without a scan.
      CREATE TABLE listener_sets (
        export_seq          INTEGER PRIMARY KEY,
        listeners           INTEGER NOT NULL,
        unflagged_listeners INTEGER NOT NULL,
        all_keys            BLOB NOT NULL,
        unflagged_keys      BLOB NOT NULL
      ) STRICT;
    `);
  },
};
