import type { Database } from 'better-sqlite3';
import type { Migration } from '../Migration';

/**
 * Rights integrity: who may change what, and what audio really is.
 *
 * - `parties.package_id`: the package that first delivered a party. Another
 *   package may name the party (as a writer, owner or licensor) but never
 *   change it. Existing parties are given the earliest-imported package whose
 *   manifest declares them.
 * - `package_keys`: the Ed25519 key a signed package was first imported with
 *   (pinned); later versions must carry a signature by the same key.
 * - `catalog_package_versions.signature_json`: the signature.json a version
 *   came with (NULL: unsigned).
 * - `audio_fingerprints` / `audio_matches`: spectral fingerprints of catalog
 *   stems and of the creator's own audio, and which own audio was found to
 *   be which catalog stem — so a take that is catalog audio is licensed as it.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'rights-integrity',
  up(db) {
    db.exec(`
      ALTER TABLE parties ADD COLUMN package_id TEXT REFERENCES catalog_packages(id);
      ALTER TABLE catalog_package_versions ADD COLUMN signature_json TEXT;

      CREATE TABLE package_keys (
        package_id  TEXT PRIMARY KEY REFERENCES catalog_packages(id),
        public_key  TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        pinned_at   TEXT NOT NULL
      ) STRICT;

      CREATE TABLE audio_fingerprints (
        sha256      TEXT PRIMARY KEY,
        algorithm   TEXT NOT NULL,
        fingerprint BLOB NOT NULL,
        computed_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE audio_matches (
        audio_sha256 TEXT NOT NULL,
        stem_id      TEXT NOT NULL,
        method       TEXT NOT NULL CHECK (method IN ('same-audio', 'fingerprint')),
        offset_sec   REAL NOT NULL,
        covered_sec  REAL NOT NULL,
        confidence   REAL NOT NULL,
        PRIMARY KEY (audio_sha256, stem_id)
      ) STRICT;
      CREATE INDEX audio_matches_stem ON audio_matches (stem_id);
    `);
    assignPartyOwners(db);
  },
};

/** Each existing party belongs to the first package (by import time) whose manifest declares it. */
function assignPartyOwners(db: Database): void {
  const versions = db
    .prepare<[], { package_id: string; manifest_json: string }>(
      'SELECT package_id, manifest_json FROM catalog_package_versions ORDER BY imported_at, package_id, version',
    )
    .all();
  const setOwner = db.prepare('UPDATE parties SET package_id = ? WHERE id = ? AND package_id IS NULL');
  for (const version of versions) {
    let parties: { id?: unknown }[] = [];
    try {
      parties = (JSON.parse(version.manifest_json) as { parties?: { id?: unknown }[] }).parties ?? [];
    } catch {
      continue;
    }
    for (const party of parties) if (typeof party.id === 'string') setOwner.run(version.package_id, party.id);
  }
}
