import type { Migration } from '../Migration';

/**
 * The licensed catalog: packages (with every version's manifest kept),
 * parties, works and their writer/publisher shares, recordings with master
 * shares and credits, stems (audio in the content store, analysis here),
 * licences (current) with their history, and FTS5 search.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'catalog',
  up(db) {
    db.exec(`
      CREATE TABLE catalog_packages (
        id              TEXT PRIMARY KEY,
        title           TEXT NOT NULL,
        publisher       TEXT NOT NULL,
        version         INTEGER NOT NULL,
        manifest_sha256 TEXT NOT NULL,
        imported_at     TEXT NOT NULL
      ) STRICT;

      CREATE TABLE catalog_package_versions (
        package_id      TEXT NOT NULL REFERENCES catalog_packages(id),
        version         INTEGER NOT NULL,
        manifest_sha256 TEXT NOT NULL,
        manifest_json   TEXT NOT NULL,
        imported_at     TEXT NOT NULL,
        PRIMARY KEY (package_id, version)
      ) STRICT;

      CREATE TABLE parties (
        id   TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('person', 'organisation')),
        isni TEXT,
        ipi  TEXT
      ) STRICT;

      CREATE TABLE works (
        id         TEXT PRIMARY KEY,
        package_id TEXT NOT NULL REFERENCES catalog_packages(id),
        title      TEXT NOT NULL,
        iswc       TEXT
      ) STRICT;

      CREATE TABLE work_shares (
        work_id  TEXT NOT NULL REFERENCES works(id) ON DELETE CASCADE,
        side     TEXT NOT NULL CHECK (side IN ('writer', 'publisher')),
        position INTEGER NOT NULL,
        party_id TEXT NOT NULL REFERENCES parties(id),
        role     TEXT NOT NULL,
        share_bp INTEGER NOT NULL CHECK (share_bp BETWEEN 0 AND 10000),
        PRIMARY KEY (work_id, side, position)
      ) STRICT;

      CREATE TABLE recordings (
        id             TEXT PRIMARY KEY,
        package_id     TEXT NOT NULL REFERENCES catalog_packages(id),
        work_id        TEXT NOT NULL REFERENCES works(id),
        title          TEXT NOT NULL,
        isrc           TEXT NOT NULL,
        display_artist TEXT NOT NULL,
        label          TEXT NOT NULL,
        bpm            REAL NOT NULL,
        musical_key    TEXT NOT NULL,
        duration_ms    INTEGER NOT NULL,
        release_date   TEXT,
        sections_json  TEXT NOT NULL DEFAULT '[]'
      ) STRICT;
      CREATE INDEX recordings_title ON recordings (title COLLATE NOCASE);
      CREATE INDEX recordings_bpm ON recordings (bpm);
      CREATE INDEX recordings_key ON recordings (musical_key);
      CREATE INDEX recordings_work ON recordings (work_id);
      CREATE INDEX recordings_isrc ON recordings (isrc);

      CREATE TABLE master_shares (
        recording_id TEXT NOT NULL REFERENCES recordings(id) ON DELETE CASCADE,
        position     INTEGER NOT NULL,
        party_id     TEXT NOT NULL REFERENCES parties(id),
        share_bp     INTEGER NOT NULL CHECK (share_bp BETWEEN 0 AND 10000),
        PRIMARY KEY (recording_id, position)
      ) STRICT;

      CREATE TABLE recording_credits (
        recording_id TEXT NOT NULL REFERENCES recordings(id) ON DELETE CASCADE,
        position     INTEGER NOT NULL,
        party_id     TEXT NOT NULL REFERENCES parties(id),
        role         TEXT NOT NULL,
        instrument   TEXT,
        PRIMARY KEY (recording_id, position)
      ) STRICT;

      CREATE TABLE stems (
        id            TEXT PRIMARY KEY,
        recording_id  TEXT NOT NULL REFERENCES recordings(id) ON DELETE CASCADE,
        position      INTEGER NOT NULL,
        name          TEXT NOT NULL,
        kind          TEXT NOT NULL,
        sha256        TEXT NOT NULL,
        format        TEXT NOT NULL,
        sample_rate   INTEGER NOT NULL,
        channels      INTEGER NOT NULL,
        frames        INTEGER NOT NULL,
        loudness_lufs REAL,
        peak_dbfs     REAL NOT NULL,
        peaks         BLOB NOT NULL
      ) STRICT;
      CREATE INDEX stems_recording ON stems (recording_id, position);
      CREATE INDEX stems_sha256 ON stems (sha256);

      CREATE TABLE licences (
        id                TEXT PRIMARY KEY,
        package_id        TEXT NOT NULL REFERENCES catalog_packages(id),
        package_version   INTEGER NOT NULL,
        type              TEXT NOT NULL CHECK (type IN ('master', 'publishing')),
        recording_id      TEXT REFERENCES recordings(id),
        work_id           TEXT REFERENCES works(id),
        licensor_party_id TEXT NOT NULL REFERENCES parties(id),
        valid_from        TEXT NOT NULL,
        valid_until       TEXT,
        terms_json        TEXT NOT NULL,
        CHECK ((type = 'master') = (recording_id IS NOT NULL)),
        CHECK ((type = 'publishing') = (work_id IS NOT NULL))
      ) STRICT;
      CREATE INDEX licences_recording ON licences (recording_id);
      CREATE INDEX licences_work ON licences (work_id);

      -- One row per use a licence permits, and per territory it names: what the
      -- "I may remix / cover in my territory" filter reads.
      CREATE TABLE licence_uses (
        licence_id TEXT NOT NULL REFERENCES licences(id) ON DELETE CASCADE,
        use        TEXT NOT NULL,
        PRIMARY KEY (licence_id, use)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE licence_territories (
        licence_id TEXT NOT NULL REFERENCES licences(id) ON DELETE CASCADE,
        mode       TEXT NOT NULL CHECK (mode IN ('include', 'exclude')),
        code       TEXT NOT NULL,
        PRIMARY KEY (licence_id, mode, code)
      ) STRICT, WITHOUT ROWID;

      -- Every licence as each package version stated it; a licence missing
      -- from a newer version is recorded as revoked.
      CREATE TABLE licence_history (
        licence_id      TEXT NOT NULL,
        package_id      TEXT NOT NULL,
        recording_id    TEXT,
        work_id         TEXT,
        package_version INTEGER NOT NULL,
        status          TEXT NOT NULL CHECK (status IN ('granted', 'changed', 'unchanged', 'revoked')),
        terms_json      TEXT,
        recorded_at     TEXT NOT NULL,
        PRIMARY KEY (licence_id, package_version)
      ) STRICT;

      CREATE VIRTUAL TABLE recordings_fts USING fts5 (
        title, display_artist, work_title, people, label, isrc,
        content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
      );
    `);
  },
};
