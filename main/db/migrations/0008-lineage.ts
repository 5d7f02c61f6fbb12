import type { Migration } from '../Migration';

/**
 * Derivatives — creators' exports published as catalog sources — and the
 * scopes around them:
 *
 * - `stems.mix` / `stems.contains_json`: a derivative's mix (the export
 *   itself) and, per stem, the upstream catalog stems heard in it.
 * - `derivatives`: each imported derivative package's export record (the
 *   signed chain starts here).
 * - `lineage_manifests`: every ancestor package a derivative carried, as
 *   signed — the evidence its chain was verified from, kept per carrier.
 * - `publications`: this library's exports published as packages.
 * - `approvals`: licensors' signed approvals of a project revision for a
 *   channel (stemroom-approval/1).
 */
export const migration0008: Migration = {
  version: 8,
  name: 'lineage',
  up(db) {
    db.exec(`
      ALTER TABLE stems ADD COLUMN mix INTEGER NOT NULL DEFAULT 0 CHECK (mix IN (0, 1));
      ALTER TABLE stems ADD COLUMN contains_json TEXT NOT NULL DEFAULT '[]';

      CREATE TABLE derivatives (
        package_id   TEXT PRIMARY KEY REFERENCES catalog_packages(id),
        recording_id TEXT NOT NULL,
        export_id    TEXT NOT NULL UNIQUE,
        creator      TEXT NOT NULL,
        record_json  TEXT NOT NULL
      ) STRICT;

      CREATE TABLE lineage_manifests (
        carried_by      TEXT NOT NULL REFERENCES catalog_packages(id),
        package_id      TEXT NOT NULL,
        manifest_sha256 TEXT NOT NULL,
        manifest_json   TEXT NOT NULL,
        signature_json  TEXT NOT NULL,
        key_fingerprint TEXT NOT NULL,
        PRIMARY KEY (carried_by, package_id)
      ) STRICT;
      CREATE INDEX lineage_manifests_package ON lineage_manifests (package_id);

      CREATE TABLE publications (
        export_id       TEXT NOT NULL REFERENCES exports(id),
        package_id      TEXT NOT NULL,
        key_fingerprint TEXT NOT NULL,
        path            TEXT NOT NULL,
        published_at    TEXT NOT NULL,
        PRIMARY KEY (export_id, package_id)
      ) STRICT;

      CREATE TABLE approvals (
        licence_id      TEXT NOT NULL,
        project_id      TEXT NOT NULL,
        revision_sha256 TEXT NOT NULL,
        channel         TEXT NOT NULL,
        key_fingerprint TEXT NOT NULL,
        approval_json   TEXT NOT NULL,
        imported_at     TEXT NOT NULL,
        PRIMARY KEY (licence_id, project_id, revision_sha256, channel)
      ) STRICT;
    `);
  },
};
