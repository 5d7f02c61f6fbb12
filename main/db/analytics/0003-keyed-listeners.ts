import type { Migration } from '../Migration';

/**
 * Listener keys become keyed hashes (rekey: HMAC with the library's secret
 * of the old unkeyed 53-bit hash, which is what the importer derives from
 * an id — so old and new plays of one listener stay one listener, and
 * re-importing an old file still adds nothing). New: per-export listener
 * counts for segments (export_listeners, replacing listener_sets), the
 * library-wide listener → export index (listener_exports), what each flag
 * rule caught and the creator's disputes, Spotify files' listeners, fix
 * attempts, and plays dropped per import. The flag rules changed too, so
 * the rollups are emptied and `analytics_meta.rebuild` asks the service to
 * judge and roll up every stored play again (it needs the rules, which are
 * not the database's).
 */
export function analyticsMigration0003(rekey: (oldKey: number) => number): Migration {
  return {
    version: 3,
    name: 'keyed-listeners',
    up(db) {
      const days = db.prepare<[], { rowid: number; plays: number; columns: Buffer }>('SELECT rowid, plays, columns FROM play_days').all();
      const save = db.prepare('UPDATE play_days SET columns = ? WHERE rowid = ?');
      for (const day of days) {
        // The listener column comes first: plays × float64, little-endian.
        const columns = Buffer.from(day.columns);
        for (let i = 0; i < day.plays; i++) columns.writeDoubleLE(rekey(columns.readDoubleLE(8 * i)), 8 * i);
        save.run(columns, day.rowid);
      }
      const aside = db.prepare<[], Record<string, unknown> & { listener: number }>('SELECT * FROM plays_aside').all();
      db.exec('DELETE FROM plays_aside');
      const insert = db.prepare(
        `INSERT OR IGNORE INTO plays_aside (key_kind, key_value, label, played_at, listener, ms_played, country, source, reason_end, import_id)
         VALUES (@key_kind, @key_value, @label, @played_at, @listener, @ms_played, @country, @source, @reason_end, @import_id)`,
      );
      for (const row of aside) insert.run({ ...row, listener: rekey(row.listener) });
      db.exec(`
        ALTER TABLE play_imports ADD COLUMN dropped INTEGER NOT NULL DEFAULT 0;
        DROP TABLE listener_sets;

        -- Per export, its listeners (keys, float64) and each one's plays (uint32) in three views:
        -- all plays; plays that count (not flagged, or flagged and disputed); strictly unflagged plays.
        CREATE TABLE export_listeners (
          export_seq        INTEGER PRIMARY KEY,
          listeners         INTEGER NOT NULL,
          one_time          INTEGER NOT NULL,
          counted_listeners INTEGER NOT NULL,
          counted_one_time  INTEGER NOT NULL,
          strict_listeners  INTEGER NOT NULL,
          strict_one_time   INTEGER NOT NULL,
          keys              BLOB NOT NULL,
          plays             BLOB NOT NULL,
          counted           BLOB NOT NULL,
          strict            BLOB NOT NULL
        ) STRICT;

        -- Every listener of the library and the one export they played (−1: several).
        CREATE TABLE listener_exports (
          id   INTEGER PRIMARY KEY CHECK (id = 1),
          keys BLOB NOT NULL,
          seqs BLOB NOT NULL
        ) STRICT;

        CREATE TABLE flag_catches (
          export_seq  INTEGER NOT NULL,
          rule        TEXT NOT NULL,
          listener    REAL,
          country     TEXT,
          from_minute INTEGER NOT NULL,
          to_minute   INTEGER NOT NULL,
          plays       INTEGER NOT NULL,
          disputed    INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX flag_catches_by_export ON flag_catches (export_seq);

        CREATE TABLE flag_disputes (
          id          INTEGER PRIMARY KEY,
          export_seq  INTEGER NOT NULL,
          rule        TEXT NOT NULL,
          listener    REAL,
          from_minute INTEGER NOT NULL,
          to_minute   INTEGER NOT NULL,
          disputed_at TEXT NOT NULL
        ) STRICT;

        -- A Spotify history without usernames is one listener: the same file keeps the one it was first imported as.
        CREATE TABLE spotify_files (
          file_key  TEXT PRIMARY KEY,
          listener  REAL NOT NULL,
          import_id INTEGER NOT NULL
        ) STRICT;

        CREATE TABLE fix_attempts (
          id         INTEGER PRIMARY KEY,
          export_id  TEXT NOT NULL,
          project_id TEXT NOT NULL,
          second     INTEGER NOT NULL,
          revision   INTEGER NOT NULL,
          created_at TEXT NOT NULL
        ) STRICT;

        CREATE TABLE analytics_meta (
          key   TEXT PRIMARY KEY,
          value TEXT NOT NULL
        ) STRICT;

        DELETE FROM rollup_totals;
        DELETE FROM rollup_endings;
        DELETE FROM rollup_breakdowns;
        INSERT INTO analytics_meta (key, value) VALUES ('rebuild', 'schema 3: keyed listeners and new flag rules');
      `);
    },
  };
}
