import type { LibraryDatabase } from './openLibraryDatabase';

/** An ancestor manifest a derivative carried (verified at import). */
export interface CarriedManifestRow {
  readonly packageId: string;
  readonly manifestJson: string;
  readonly manifestSha256: string;
  readonly signatureJson: string;
  readonly keyFingerprint: string;
}

/** An imported derivative: its package, recording and export record. */
export interface DerivativeRow {
  readonly packageId: string;
  readonly recordingId: string;
  readonly exportId: string;
  readonly creator: string;
  readonly recordJson: string;
}

/** What a derivative package's import writes beside its catalog rows. */
export interface LineageWrite {
  readonly recordingId: string;
  readonly exportId: string;
  readonly creator: string;
  readonly recordJson: string;
  readonly carried: readonly CarriedManifestRow[];
}

export interface PublicationRow {
  readonly exportId: string;
  readonly packageId: string;
  readonly keyFingerprint: string;
  readonly path: string;
  readonly publishedAt: string;
}

/** Derivatives, the ancestor manifests they carried, publications of this library's exports. */
export function lineageQueries(db: LibraryDatabase) {
  const deleteCarried = db.prepare('DELETE FROM lineage_manifests WHERE carried_by = ?');
  const insertCarried = db.prepare(
    'INSERT INTO lineage_manifests (carried_by, package_id, manifest_sha256, manifest_json, signature_json, key_fingerprint) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const upsertDerivative = db.prepare(
    `INSERT INTO derivatives (package_id, recording_id, export_id, creator, record_json) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(package_id) DO UPDATE SET recording_id = excluded.recording_id, export_id = excluded.export_id, creator = excluded.creator, record_json = excluded.record_json`,
  );
  const columns = 'package_id AS packageId, recording_id AS recordingId, export_id AS exportId, creator, record_json AS recordJson';
  const derivativeByPackage = db.prepare<[string], DerivativeRow>(`SELECT ${columns} FROM derivatives WHERE package_id = ?`);
  const derivativeByRecording = db.prepare<[string], DerivativeRow>(`SELECT ${columns} FROM derivatives WHERE recording_id = ?`);
  const derivativeByExport = db.prepare<[string], DerivativeRow>(`SELECT ${columns} FROM derivatives WHERE export_id = ?`);
  const allDerivatives = db.prepare<[], DerivativeRow>(`SELECT ${columns} FROM derivatives ORDER BY package_id`);
  const carried = db.prepare<[string], CarriedManifestRow>(
    'SELECT package_id AS packageId, manifest_json AS manifestJson, manifest_sha256 AS manifestSha256, signature_json AS signatureJson, key_fingerprint AS keyFingerprint FROM lineage_manifests WHERE carried_by = ? ORDER BY package_id',
  );
  const currentManifest = db.prepare<[string], { manifestJson: string; manifestSha256: string; signatureJson: string | null; keyFingerprint: string | null }>(
    `SELECT v.manifest_json AS manifestJson, v.manifest_sha256 AS manifestSha256, v.signature_json AS signatureJson, k.fingerprint AS keyFingerprint
     FROM catalog_packages p JOIN catalog_package_versions v ON v.package_id = p.id AND v.version = p.version LEFT JOIN package_keys k ON k.package_id = p.id
     WHERE p.id = ?`,
  );
  const versions = db.prepare<[string], { version: number; manifestJson: string; manifestSha256: string; signatureJson: string | null }>(
    'SELECT version, manifest_json AS manifestJson, manifest_sha256 AS manifestSha256, signature_json AS signatureJson FROM catalog_package_versions WHERE package_id = ? ORDER BY version DESC',
  );
  const packageOfRecording = db.prepare<[string], { package_id: string }>('SELECT package_id FROM recordings WHERE id = ?');
  const catalogVersion = db.prepare<[], { value: string }>("SELECT value FROM library_meta WHERE key = 'catalog_version'");
  const insertPublication = db.prepare(
    'INSERT INTO publications (export_id, package_id, key_fingerprint, path, published_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET path = excluded.path, published_at = excluded.published_at',
  );
  const publications = db.prepare<[], PublicationRow>(
    'SELECT export_id AS exportId, package_id AS packageId, key_fingerprint AS keyFingerprint, path, published_at AS publishedAt FROM publications ORDER BY published_at',
  );

  return {
    /** Replaces a derivative package's lineage rows (call inside the package's write transaction). */
    writeDerivative(packageId: string, write: LineageWrite): void {
      deleteCarried.run(packageId);
      for (const c of write.carried) insertCarried.run(packageId, c.packageId, c.manifestSha256, c.manifestJson, c.signatureJson, c.keyFingerprint);
      upsertDerivative.run(packageId, write.recordingId, write.exportId, write.creator, write.recordJson);
    },
    derivativeByPackage: (packageId: string) => derivativeByPackage.get(packageId),
    derivativeByRecording: (recordingId: string) => derivativeByRecording.get(recordingId),
    derivativeByExport: (exportId: string) => derivativeByExport.get(exportId),
    derivatives: () => allDerivatives.all(),
    /** The ancestor manifests a derivative package carried. */
    carried: (packageId: string) => carried.all(packageId),
    /** A catalog package's current manifest, signature and pinned key. */
    currentManifest: (packageId: string) => currentManifest.get(packageId),
    /** Every stored version of a catalog package's manifest, newest first. */
    versions: (packageId: string) => versions.all(packageId),
    /** The catalog package a recording belongs to. */
    packageOfRecording: (recordingId: string): string | undefined => packageOfRecording.get(recordingId)?.package_id,
    /** Moves whenever a package is imported (what caches of catalog reads key on). */
    catalogVersion: (): string => catalogVersion.get()?.value ?? '',
    addPublication: (row: PublicationRow) => void insertPublication.run(row.exportId, row.packageId, row.keyFingerprint, row.path, row.publishedAt),
    publications: () => publications.all(),
  };
}
