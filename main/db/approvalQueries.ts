import type { LibraryDatabase } from './openLibraryDatabase';

export interface ApprovalRow {
  readonly licenceId: string;
  readonly projectId: string;
  readonly revisionSha256: string;
  readonly channel: string;
  readonly keyFingerprint: string;
  readonly approvalJson: string;
  readonly importedAt: string;
}

/** Licensors' approvals the creator imported (stemroom-approval/1), by licence, project revision and channel. */
export function approvalQueries(db: LibraryDatabase) {
  const upsert = db.prepare(
    `INSERT INTO approvals (licence_id, project_id, revision_sha256, channel, key_fingerprint, approval_json, imported_at) VALUES (@licenceId, @projectId, @revisionSha256, @channel, @keyFingerprint, @approvalJson, @importedAt)
     ON CONFLICT DO UPDATE SET key_fingerprint = excluded.key_fingerprint, approval_json = excluded.approval_json, imported_at = excluded.imported_at`,
  );
  const find = db.prepare<[string, string, string], ApprovalRow>(
    `SELECT licence_id AS licenceId, project_id AS projectId, revision_sha256 AS revisionSha256, channel, key_fingerprint AS keyFingerprint, approval_json AS approvalJson, imported_at AS importedAt
     FROM approvals WHERE project_id = ? AND revision_sha256 = ? AND channel = ?`,
  );
  return {
    add: (row: ApprovalRow) => void upsert.run(row),
    /** Approvals of one project revision for one channel. */
    forRevision: (projectId: string, revisionSha256: string, channel: string) => find.all(projectId, revisionSha256, channel),
  };
}
