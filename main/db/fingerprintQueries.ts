import type { LibraryDatabase } from './openLibraryDatabase';

/** A fingerprint match of own audio to a catalog stem, as stored in audio_matches. */
export interface AudioMatchRow {
  readonly audioSha256: string;
  readonly stemId: string;
  readonly method: 'same-audio' | 'fingerprint';
  readonly offsetSec: number;
  readonly coveredSec: number;
  readonly confidence: number;
}

/** Stored fingerprints (by audio hash) and the matches of own audio to catalog stems. */
export function fingerprintQueries(db: LibraryDatabase) {
  const insert = db.prepare('INSERT OR IGNORE INTO audio_fingerprints (sha256, algorithm, fingerprint, computed_at) VALUES (?, ?, ?, ?)');
  const stemFingerprints = db.prepare<[string], { stemId: string; sha256: string; fingerprint: Buffer | null }>(
    `SELECT s.id AS stemId, s.sha256, f.fingerprint FROM stems s LEFT JOIN audio_fingerprints f ON f.sha256 = s.sha256 AND f.algorithm = ? ORDER BY s.id`,
  );
  const ownFingerprints = db.prepare<[string], { sha256: string; fingerprint: Buffer | null }>(
    'SELECT u.sha256, f.fingerprint FROM user_audio u LEFT JOIN audio_fingerprints f ON f.sha256 = u.sha256 AND f.algorithm = ? ORDER BY u.sha256',
  );
  const insertMatch = db.prepare(
    `INSERT INTO audio_matches (audio_sha256, stem_id, method, offset_sec, covered_sec, confidence) VALUES (@audioSha256, @stemId, @method, @offsetSec, @coveredSec, @confidence)
     ON CONFLICT(audio_sha256, stem_id) DO UPDATE SET method = excluded.method, offset_sec = excluded.offset_sec, covered_sec = excluded.covered_sec, confidence = excluded.confidence`,
  );
  const catalogVersion = db.prepare<[], { value: string }>("SELECT value FROM library_meta WHERE key = 'catalog_version'");
  return {
    /** Keeps a fingerprint (computed once per audio hash and algorithm). */
    store: (sha256: string, algorithm: string, fingerprint: Uint8Array, at: string) => void insert.run(sha256, algorithm, Buffer.from(fingerprint), at),
    /** Every catalog stem with its stored fingerprint (null where none was stored yet). */
    stems: (algorithm: string) => stemFingerprints.all(algorithm),
    /** The creator's own audio with its fingerprints (null where none was stored yet: audio from before fingerprints). */
    ownAudio: (algorithm: string) => ownFingerprints.all(algorithm),
    /** Stores matches (inside the caller's transaction when there is one). */
    recordMatches(rows: readonly AudioMatchRow[]): void {
      for (const row of rows) insertMatch.run(row);
    },
    /** Changes whenever a package is imported (the index is rebuilt when it does). */
    catalogVersion: (): string => catalogVersion.get()?.value ?? '0',
  };
}
