import type { CatalogPackage, Licence } from '../../shared/catalog/catalogPackageSchema';
import type { LibraryDatabase } from './openLibraryDatabase';
import { FINGERPRINT_ALGORITHM } from '../../shared/dsp/fingerprint/fingerprintParams';
import { lineageQueries, type LineageWrite } from './lineageQueries';

/** A stem's measured audio, as stored. */
export interface StoredStemAnalysis {
  readonly format: string;
  readonly sampleRate: number;
  readonly channels: number;
  readonly frames: number;
  readonly loudnessLufs: number | null;
  readonly peakDbfs: number;
  readonly peaks: Uint8Array;
  /** The landmark fingerprint of newly analysed audio (stored by audio hash; absent when it is already stored). */
  readonly fingerprint?: Uint8Array;
}

export interface PackageWrite {
  readonly pkg: CatalogPackage;
  readonly manifestJson: string;
  readonly manifestSha256: string;
  readonly analyses: ReadonlyMap<string, StoredStemAnalysis>;
  readonly importedAt: string;
  /** The verified signature.json (null: unsigned); `pinNew` pins its key to the package (first signed import). */
  readonly signature: { readonly json: string; readonly publicKey: string; readonly fingerprint: string; readonly pinNew: boolean } | null;
  /** A derivative's verified chain (its export record and the ancestor manifests it carried). */
  readonly lineage?: LineageWrite;
}

/** A party as stored, with the package that delivered it. */
export interface StoredParty {
  readonly name: string;
  readonly kind: string;
  readonly isni: string | null;
  readonly ipi: string | null;
  readonly packageId: string | null;
}

export type LicenceChange = { readonly licenceId: string; readonly status: 'granted' | 'changed' | 'unchanged' | 'revoked' };

/** The licence terms as stored in terms_json (the manifest's licence, canonical). */
export function licenceTermsJson(licence: Licence): string {
  return JSON.stringify(licence);
}

/** Writes of the catalog: one package version at a time, all or nothing. */
export function catalogWriteQueries(db: LibraryDatabase) {
  const packageRow = db.prepare<[string], { version: number; manifest_sha256: string }>('SELECT version, manifest_sha256 FROM catalog_packages WHERE id = ?');
  const knownPackage = db.prepare<[string], { publisher: string; fingerprint: string | null; pinned_at: string | null }>(
    'SELECT p.publisher, k.fingerprint, k.pinned_at FROM catalog_packages p LEFT JOIN package_keys k ON k.package_id = p.id WHERE p.id = ?',
  );
  // Every package that credits a party anywhere: as a writer or publisher, a master owner, a performer, or a licensor.
  const packagesCrediting = db
    .prepare<[{ party: string; pkg: string }], string>(
      `SELECT w.package_id FROM work_shares s JOIN works w ON w.id = s.work_id WHERE s.party_id = @party AND w.package_id <> @pkg
       UNION SELECT r.package_id FROM master_shares s JOIN recordings r ON r.id = s.recording_id WHERE s.party_id = @party AND r.package_id <> @pkg
       UNION SELECT r.package_id FROM recording_credits c JOIN recordings r ON r.id = c.recording_id WHERE c.party_id = @party AND r.package_id <> @pkg
       UNION SELECT package_id FROM licences WHERE licensor_party_id = @party AND package_id <> @pkg
       ORDER BY 1`,
    )
    .pluck();
  const partyById = db.prepare<[string], StoredParty>('SELECT name, kind, isni, ipi, package_id AS packageId FROM parties WHERE id = ?');
  const pinKey = db.prepare('INSERT INTO package_keys (package_id, public_key, fingerprint, pinned_at) VALUES (?, ?, ?, ?)');
  const insertFingerprint = db.prepare('INSERT OR IGNORE INTO audio_fingerprints (sha256, algorithm, fingerprint, computed_at) VALUES (?, ?, ?, ?)');
  const owners = {
    work: db.prepare<[string], { package_id: string }>('SELECT package_id FROM works WHERE id = ?'),
    recording: db.prepare<[string], { package_id: string }>('SELECT package_id FROM recordings WHERE id = ?'),
    stem: db.prepare<[string], { package_id: string }>('SELECT r.package_id FROM stems s JOIN recordings r ON r.id = s.recording_id WHERE s.id = ?'),
    licence: db.prepare<[string], { package_id: string }>('SELECT package_id FROM licences WHERE id = ?'),
  };
  const stemsOfOtherPackages = db.prepare<[string, string], { stemName: string; recordingTitle: string; packageId: string }>(
    'SELECT s.name AS stemName, r.title AS recordingTitle, r.package_id AS packageId FROM stems s JOIN recordings r ON r.id = s.recording_id WHERE s.sha256 = ? AND r.package_id <> ? ORDER BY s.id LIMIT 1',
  );
  const stemById = db.prepare<[string], { stemName: string; recordingTitle: string; packageId: string }>(
    'SELECT s.name AS stemName, r.title AS recordingTitle, r.package_id AS packageId FROM stems s JOIN recordings r ON r.id = s.recording_id WHERE s.id = ?',
  );
  const analysisBySha = db.prepare<
    [string],
    { format: string; sample_rate: number; channels: number; frames: number; loudness_lufs: number | null; peak_dbfs: number; peaks: Buffer }
  >('SELECT format, sample_rate, channels, frames, loudness_lufs, peak_dbfs, peaks FROM stems WHERE sha256 = ? LIMIT 1');
  const currentLicences = db.prepare<[string], { id: string; terms_json: string; recording_id: string | null; work_id: string | null }>(
    'SELECT id, terms_json, recording_id, work_id FROM licences WHERE package_id = ?',
  );

  const upsertPackage = db.prepare(
    `INSERT INTO catalog_packages (id, title, publisher, version, manifest_sha256, imported_at) VALUES (@id, @title, @publisher, @version, @sha, @at)
     ON CONFLICT(id) DO UPDATE SET title = excluded.title, publisher = excluded.publisher, version = excluded.version,
       manifest_sha256 = excluded.manifest_sha256, imported_at = excluded.imported_at`,
  );
  const insertVersion = db.prepare(
    'INSERT INTO catalog_package_versions (package_id, version, manifest_sha256, manifest_json, imported_at, signature_json) VALUES (?, ?, ?, ?, ?, ?)',
  );
  // Another package's party is never changed here (the importer refuses such packages first; this is the backstop).
  const upsertParty = db.prepare(
    `INSERT INTO parties (id, name, kind, isni, ipi, package_id) VALUES (@id, @name, @kind, @isni, @ipi, @packageId)
     ON CONFLICT(id) DO UPDATE SET name = excluded.name, kind = excluded.kind, isni = excluded.isni, ipi = excluded.ipi, package_id = excluded.package_id
     WHERE parties.package_id IS NULL OR parties.package_id = excluded.package_id`,
  );
  const ftsRowids = db.prepare<[string], { rowid: number }>('SELECT rowid FROM recordings WHERE package_id = ?');
  const deleteFts = db.prepare('DELETE FROM recordings_fts WHERE rowid = ?');
  const deleteLicences = db.prepare('DELETE FROM licences WHERE package_id = ?');
  const deleteRecordings = db.prepare('DELETE FROM recordings WHERE package_id = ?');
  const deleteWorks = db.prepare('DELETE FROM works WHERE package_id = ?');
  const insertWork = db.prepare('INSERT INTO works (id, package_id, title, iswc) VALUES (?, ?, ?, ?)');
  const insertWorkShare = db.prepare('INSERT INTO work_shares (work_id, side, position, party_id, role, share_bp) VALUES (?, ?, ?, ?, ?, ?)');
  const insertRecording = db.prepare(
    `INSERT INTO recordings (id, package_id, work_id, title, isrc, display_artist, label, bpm, musical_key, duration_ms, release_date, sections_json)
     VALUES (@id, @packageId, @work, @title, @isrc, @displayArtist, @label, @bpm, @key, @durationMs, @releaseDate, @sectionsJson)`,
  );
  const insertMasterShare = db.prepare('INSERT INTO master_shares (recording_id, position, party_id, share_bp) VALUES (?, ?, ?, ?)');
  const insertCredit = db.prepare('INSERT INTO recording_credits (recording_id, position, party_id, role, instrument) VALUES (?, ?, ?, ?, ?)');
  const insertStem = db.prepare(
    `INSERT INTO stems (id, recording_id, position, name, kind, sha256, format, sample_rate, channels, frames, loudness_lufs, peak_dbfs, peaks, mix, contains_json)
     VALUES (@id, @recordingId, @position, @name, @kind, @sha256, @format, @sampleRate, @channels, @frames, @loudnessLufs, @peakDbfs, @peaks, @mix, @containsJson)`,
  );
  const insertLicence = db.prepare(
    `INSERT INTO licences (id, package_id, package_version, type, recording_id, work_id, licensor_party_id, valid_from, valid_until, terms_json)
     VALUES (@id, @packageId, @version, @type, @recording, @work, @licensor, @validFrom, @validUntil, @terms)`,
  );
  const insertUse = db.prepare('INSERT INTO licence_uses (licence_id, use) VALUES (?, ?)');
  const insertTerritory = db.prepare('INSERT OR IGNORE INTO licence_territories (licence_id, mode, code) VALUES (?, ?, ?)');
  const insertHistory = db.prepare(
    'INSERT INTO licence_history (licence_id, package_id, recording_id, work_id, package_version, status, terms_json, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const recordingRowid = db.prepare<[string], { rowid: number }>('SELECT rowid FROM recordings WHERE id = ?');
  const insertFts = db.prepare('INSERT INTO recordings_fts (rowid, title, display_artist, work_title, people, label, isrc) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const lineage = lineageQueries(db);
  const bumpCatalogVersion = db.prepare(
    `INSERT INTO library_meta (key, value) VALUES ('catalog_version', '1')
     ON CONFLICT(key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)`,
  );

  const writePackage = db.transaction((write: PackageWrite): LicenceChange[] => {
    const { pkg } = write;
    const packageId = pkg.package.id;
    const previous = new Map(currentLicences.all(packageId).map((l) => [l.id, l]));
    upsertPackage.run({
      id: packageId,
      title: pkg.package.title,
      publisher: pkg.package.publisher,
      version: pkg.package.version,
      sha: write.manifestSha256,
      at: write.importedAt,
    });
    insertVersion.run(packageId, pkg.package.version, write.manifestSha256, write.manifestJson, write.importedAt, write.signature?.json ?? null);
    if (write.signature?.pinNew) pinKey.run(packageId, write.signature.publicKey, write.signature.fingerprint, write.importedAt);
    for (const party of pkg.parties)
      upsertParty.run({ id: party.id, name: party.name, kind: party.kind, isni: party.isni ?? null, ipi: party.ipi ?? null, packageId });

    for (const { rowid } of ftsRowids.all(packageId)) deleteFts.run(rowid);
    deleteLicences.run(packageId);
    deleteRecordings.run(packageId);
    deleteWorks.run(packageId);

    const partyNames = new Map(pkg.parties.map((p) => [p.id, p.name]));
    const workById = new Map(pkg.works.map((w) => [w.id, w]));
    for (const work of pkg.works) {
      insertWork.run(work.id, packageId, work.title, work.iswc ?? null);
      work.writers.forEach((s, i) => insertWorkShare.run(work.id, 'writer', i, s.party, s.role, s.shareBp));
      work.publishers.forEach((s, i) => insertWorkShare.run(work.id, 'publisher', i, s.party, 'publisher', s.shareBp));
    }
    for (const recording of pkg.recordings) {
      insertRecording.run({ ...recording, packageId, releaseDate: recording.releaseDate ?? null, sectionsJson: JSON.stringify(recording.sections) });
      recording.masterOwners.forEach((s, i) => insertMasterShare.run(recording.id, i, s.party, s.shareBp));
      recording.credits.forEach((c, i) => insertCredit.run(recording.id, i, c.party, c.role, c.instrument ?? null));
      recording.stems.forEach((stem, position) => {
        const analysis = write.analyses.get(stem.id);
        if (!analysis) throw new Error(`no analysis for stem ${stem.id}`);
        const { fingerprint, ...measured } = analysis;
        insertStem.run({
          id: stem.id,
          recordingId: recording.id,
          position,
          name: stem.name,
          kind: stem.kind,
          sha256: stem.sha256,
          ...measured,
          peaks: Buffer.from(analysis.peaks),
          mix: stem.mix ? 1 : 0,
          containsJson: JSON.stringify(stem.contains ?? []),
        });
        if (fingerprint) insertFingerprint.run(stem.sha256, FINGERPRINT_ALGORITHM, Buffer.from(fingerprint), write.importedAt);
      });
      const work = workById.get(recording.work)!;
      const people = [...work.writers, ...work.publishers, ...recording.masterOwners, ...recording.credits].map((s) => partyNames.get(s.party)).join(' ');
      insertFts.run(recordingRowid.get(recording.id)!.rowid, recording.title, recording.displayArtist, work.title, people, recording.label, recording.isrc);
    }

    const changes: LicenceChange[] = [];
    for (const licence of pkg.licences) {
      const terms = licenceTermsJson(licence);
      insertLicence.run({
        id: licence.id,
        packageId,
        version: pkg.package.version,
        type: licence.type,
        recording: licence.recording ?? null,
        work: licence.work ?? null,
        licensor: licence.licensor,
        validFrom: licence.validFrom,
        validUntil: licence.validUntil ?? null,
        terms,
      });
      for (const use of licence.uses) insertUse.run(licence.id, use);
      for (const code of licence.territories.include) insertTerritory.run(licence.id, 'include', code);
      for (const code of licence.territories.exclude) insertTerritory.run(licence.id, 'exclude', code);
      const before = previous.get(licence.id)?.terms_json;
      const status = before === undefined ? 'granted' : before === terms ? 'unchanged' : 'changed';
      insertHistory.run(licence.id, packageId, licence.recording ?? null, licence.work ?? null, pkg.package.version, status, terms, write.importedAt);
      changes.push({ licenceId: licence.id, status });
      previous.delete(licence.id);
    }
    for (const revoked of previous.values()) {
      insertHistory.run(revoked.id, packageId, revoked.recording_id, revoked.work_id, pkg.package.version, 'revoked', null, write.importedAt);
      changes.push({ licenceId: revoked.id, status: 'revoked' });
    }
    if (write.lineage) lineage.writeDerivative(packageId, write.lineage);
    bumpCatalogVersion.run();
    return changes;
  });

  return {
    /** The imported version of a package, if any. */
    packageVersion: (packageId: string) => packageRow.get(packageId),
    /** The package's publisher and pinned signing key, if it is in the library. */
    knownPackage(packageId: string) {
      const row = knownPackage.get(packageId);
      if (!row) return undefined;
      return { publisher: row.publisher, pinned: row.fingerprint && row.pinned_at ? { fingerprint: row.fingerprint, pinnedAt: row.pinned_at } : null };
    },
    /** A stored party and the package that delivered it. */
    party: (partyId: string): StoredParty | undefined => partyById.get(partyId),
    /** The packages other than `packageId` whose works, recordings or licences credit this party. */
    packagesCrediting: (partyId: string, packageId: string): string[] => packagesCrediting.all({ party: partyId, pkg: packageId }),
    /** Which package already defines an id of this kind (for conflict checks). */
    ownerOf: (kind: keyof typeof owners, id: string): string | undefined => owners[kind].get(id)?.package_id,
    /** A stem another package delivered with exactly this audio, if any. */
    foreignStemWithAudio: (sha256: string, packageId: string) => stemsOfOtherPackages.get(sha256, packageId),
    /** A stored stem's name, recording and package. */
    stemById: (stemId: string) => stemById.get(stemId),
    /** A stored analysis of audio with this hash, so re-imports need not decode again. */
    analysisOf(sha256: string): StoredStemAnalysis | undefined {
      const row = analysisBySha.get(sha256);
      if (!row) return undefined;
      return {
        format: row.format,
        sampleRate: row.sample_rate,
        channels: row.channels,
        frames: row.frames,
        loudnessLufs: row.loudness_lufs,
        peakDbfs: row.peak_dbfs,
        peaks: new Uint8Array(row.peaks),
      };
    },
    /** Replaces the package's catalog rows with this version's, in one transaction. */
    writePackage: (write: PackageWrite): LicenceChange[] => writePackage.immediate(write),
  };
}
