import type { Licence } from '../../shared/catalog/catalogPackageSchema';
import type { LibraryDatabase } from './openLibraryDatabase';

export interface PackageRow {
  id: string;
  title: string;
  publisher: string;
  version: number;
  importedAt: string;
  recordings: number;
  keyFingerprint: string | null;
}
export interface PartyRow {
  id: string;
  name: string;
  kind: string;
  isni: string | null;
  ipi: string | null;
}
export interface ShareRow {
  partyId: string;
  name: string;
  isni: string | null;
  ipi: string | null;
  role: string;
  shareBp: number;
}
export interface CreditRow {
  partyId: string;
  name: string;
  role: string;
  instrument: string | null;
}
export interface StemRow {
  id: string;
  name: string;
  kind: string;
  sha256: string;
  format: string;
  sampleRate: number;
  channels: number;
  frames: number;
  loudnessLufs: number | null;
  peakDbfs: number;
  /** A derivative's whole mix (a remix starts from its per-track stems when it has them). */
  mix: 0 | 1;
}
export interface RecordingRow {
  id: string;
  packageId: string;
  packageTitle: string;
  packageVersion: number;
  /** The pinned key of a signed package (its versions must all be signed by it); null for an unsigned package. */
  packageKeyFingerprint: string | null;
  workId: string;
  workTitle: string;
  iswc: string | null;
  title: string;
  isrc: string;
  displayArtist: string;
  label: string;
  bpm: number;
  key: string;
  durationMs: number;
  releaseDate: string | null;
  sections: { name: string; startMs: number }[];
}
export interface LicenceRow {
  licence: Licence;
  licensorName: string;
  packageVersion: number;
}
export interface LicenceHistoryRow {
  licenceId: string;
  packageVersion: number;
  status: string;
  recordedAt: string;
}

/** Reads of the catalog for the recording page, the studio and the export. */
export function catalogReadQueries(db: LibraryDatabase) {
  const packages = db.prepare(
    `SELECT p.id, p.title, p.publisher, p.version, p.imported_at AS importedAt, (SELECT count(*) FROM recordings r WHERE r.package_id = p.id) AS recordings,
            k.fingerprint AS keyFingerprint
     FROM catalog_packages p LEFT JOIN package_keys k ON k.package_id = p.id ORDER BY p.title COLLATE NOCASE`,
  );
  const recording = db.prepare(
    `SELECT r.id, r.package_id AS packageId, p.title AS packageTitle, p.version AS packageVersion, k.fingerprint AS packageKeyFingerprint, r.work_id AS workId, w.title AS workTitle, w.iswc,
            r.title, r.isrc, r.display_artist AS displayArtist, r.label, r.bpm, r.musical_key AS key, r.duration_ms AS durationMs, r.release_date AS releaseDate, r.sections_json AS sectionsJson
     FROM recordings r JOIN works w ON w.id = r.work_id JOIN catalog_packages p ON p.id = r.package_id LEFT JOIN package_keys k ON k.package_id = p.id
     WHERE r.id = ?`,
  );
  const workShares = db.prepare(
    `SELECT s.party_id AS partyId, p.name, p.isni, p.ipi, s.role, s.share_bp AS shareBp FROM work_shares s JOIN parties p ON p.id = s.party_id
     WHERE s.work_id = ? AND s.side = ? ORDER BY s.position`,
  );
  const masterShares = db.prepare(
    `SELECT s.party_id AS partyId, p.name, p.isni, p.ipi, 'master owner' AS role, s.share_bp AS shareBp FROM master_shares s JOIN parties p ON p.id = s.party_id
     WHERE s.recording_id = ? ORDER BY s.position`,
  );
  const credits = db.prepare(
    `SELECT c.party_id AS partyId, p.name, c.role, c.instrument FROM recording_credits c JOIN parties p ON p.id = c.party_id
     WHERE c.recording_id = ? ORDER BY c.position`,
  );
  const stems = db.prepare(
    `SELECT id, name, kind, sha256, format, sample_rate AS sampleRate, channels, frames, loudness_lufs AS loudnessLufs, peak_dbfs AS peakDbfs, mix
     FROM stems WHERE recording_id = ? ORDER BY position`,
  );
  const stemById = db.prepare(
    `SELECT id, name, kind, sha256, format, sample_rate AS sampleRate, channels, frames, loudness_lufs AS loudnessLufs, peak_dbfs AS peakDbfs, mix, recording_id AS recordingId
     FROM stems WHERE id = ?`,
  );
  const licencesOf = db.prepare<[string, string], { terms_json: string; licensor: string; package_version: number }>(
    `SELECT l.terms_json, p.name AS licensor, l.package_version FROM licences l JOIN parties p ON p.id = l.licensor_party_id
     WHERE (l.type = 'master' AND l.recording_id = ?) OR (l.type = 'publishing' AND l.work_id = ?) ORDER BY l.type, l.id`,
  );
  const history = db.prepare(
    `SELECT h.licence_id AS licenceId, h.package_version AS packageVersion, h.status, h.recorded_at AS recordedAt
     FROM licence_history h WHERE h.recording_id = ? OR h.work_id = ?
     ORDER BY h.package_version, h.licence_id`,
  );
  const licenceById = db.prepare<[string], { package_id: string; licensor: string }>(
    'SELECT l.package_id, p.name AS licensor FROM licences l JOIN parties p ON p.id = l.licensor_party_id WHERE l.id = ?',
  );
  const peaksBySha = db.prepare<[string], { peaks: Buffer }>('SELECT peaks FROM stems WHERE sha256 = ? LIMIT 1');
  const stemsBySha = db.prepare<[string], { id: string }>('SELECT id FROM stems WHERE sha256 = ?');
  const stemIdsOfPackage = db.prepare<[string], { id: string }>('SELECT s.id FROM stems s JOIN recordings r ON r.id = s.recording_id WHERE r.package_id = ?');

  return {
    packages: () => packages.all() as PackageRow[],
    recording(id: string): RecordingRow | undefined {
      const row = recording.get(id) as (Omit<RecordingRow, 'sections'> & { sectionsJson: string }) | undefined;
      if (!row) return undefined;
      const { sectionsJson, ...rest } = row;
      return { ...rest, sections: JSON.parse(sectionsJson) };
    },
    writers: (workId: string) => workShares.all(workId, 'writer') as ShareRow[],
    publishers: (workId: string) => workShares.all(workId, 'publisher') as ShareRow[],
    masterOwners: (recordingId: string) => masterShares.all(recordingId) as ShareRow[],
    credits: (recordingId: string) => credits.all(recordingId) as CreditRow[],
    stems: (recordingId: string) => stems.all(recordingId) as StemRow[],
    stem: (stemId: string) => stemById.get(stemId) as (StemRow & { recordingId: string }) | undefined,
    /** Master licences of the recording and publishing licences of its work. */
    licences: (recordingId: string, workId: string): LicenceRow[] =>
      licencesOf
        .all(recordingId, workId)
        .map((row) => ({ licence: JSON.parse(row.terms_json) as Licence, licensorName: row.licensor, packageVersion: row.package_version })),
    /** The package granting a licence, and its licensor's name. */
    licenceById(licenceId: string): { packageId: string; licensorName: string } | undefined {
      const row = licenceById.get(licenceId);
      return row ? { packageId: row.package_id, licensorName: row.licensor } : undefined;
    },
    licenceHistory: (recordingId: string, workId: string) => history.all(recordingId, workId) as LicenceHistoryRow[],
    peaks: (sha256: string): Uint8Array | undefined => {
      const row = peaksBySha.get(sha256);
      return row ? new Uint8Array(row.peaks) : undefined;
    },
    isCatalogAudio: (sha256: string): boolean => stemsBySha.get(sha256) !== undefined,
    stemIdsOfPackage: (packageId: string): string[] => stemIdsOfPackage.all(packageId).map((r) => r.id),
  };
}
