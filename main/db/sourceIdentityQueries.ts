import type { AudioIdentity, SourceLookup, StemFacts } from '../../shared/rights/sourceIdentity';
import type { CatalogSource } from '../../shared/project/documentSchema';
import type { LibraryDatabase } from './openLibraryDatabase';

type StemFactsRow = Omit<StemFacts, 'kind' | 'durationSec'> & { kind: string; frames: number };

const stemFactsColumns = `s.id AS stemId, s.name AS stemName, s.kind, s.recording_id AS recordingId, r.title AS recordingTitle, r.package_id AS packageId,
  s.sha256, r.bpm, r.musical_key AS key, s.frames, s.sample_rate AS sampleRate`;

const toFacts = ({ frames, ...row }: StemFactsRow): StemFacts => ({ ...row, kind: row.kind as CatalogSource['kind'], durationSec: frames / row.sampleRate });

/**
 * The catalog as the source-identity checks read it: stems by id and by
 * audio hash, fingerprint matches of own audio, and whether audio is the
 * creator's own (user_audio).
 */
export function sourceIdentityQueries(db: LibraryDatabase) {
  const stemById = db.prepare<[string], StemFactsRow>(`SELECT ${stemFactsColumns} FROM stems s JOIN recordings r ON r.id = s.recording_id WHERE s.id = ?`);
  const stemsBySha = db.prepare<[string], StemFactsRow>(
    `SELECT ${stemFactsColumns} FROM stems s JOIN recordings r ON r.id = s.recording_id WHERE s.sha256 = ? ORDER BY s.id`,
  );
  const matches = db.prepare<[string], StemFactsRow & { method: 'same-audio' | 'fingerprint'; offsetSec: number; coveredSec: number; confidence: number }>(
    `SELECT ${stemFactsColumns}, m.method, m.offset_sec AS offsetSec, m.covered_sec AS coveredSec, m.confidence
     FROM audio_matches m JOIN stems s ON s.id = m.stem_id JOIN recordings r ON r.id = s.recording_id
     WHERE m.audio_sha256 = ? ORDER BY m.confidence DESC, m.covered_sec DESC, s.id`,
  );
  const recordingTitle = db.prepare<[string], { title: string }>('SELECT title FROM recordings WHERE id = ?');
  const ownAudio = db.prepare<[string], { sha256: string }>('SELECT sha256 FROM user_audio WHERE sha256 = ?');

  return {
    /** A lookup for one decision: answers are read once and kept while it lives. */
    lookup(): SourceLookup {
      const bySha = new Map<string, readonly StemFacts[]>();
      const stemsWithAudio = (sha256: string) => {
        let found = bySha.get(sha256);
        if (!found) bySha.set(sha256, (found = stemsBySha.all(sha256).map(toFacts)));
        return found;
      };
      return {
        stem: (stemId) => {
          const row = stemById.get(stemId);
          return row ? toFacts(row) : undefined;
        },
        stemsWithAudio,
        identify(sha256): AudioIdentity[] {
          const same = stemsWithAudio(sha256)[0];
          if (same) return [{ stem: same, method: 'same-audio', offsetSec: 0, coveredSec: same.durationSec, confidence: 1 }];
          return matches
            .all(sha256)
            .map(({ method, offsetSec, coveredSec, confidence, ...stem }) => ({ stem: toFacts(stem), method, offsetSec, coveredSec, confidence }));
        },
        recordingTitle: (recordingId) => recordingTitle.get(recordingId)?.title,
      };
    },
    /** Whether this audio is the creator's own (recorded or imported into this library). */
    isOwnAudio: (sha256: string): boolean => ownAudio.get(sha256) !== undefined,
  };
}
