import type { LibraryDatabase } from './openLibraryDatabase';

export interface ProjectRow {
  id: string;
  name: string;
  kind: 'remix' | 'cover';
  recordingId: string;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  headRevision: number;
  /** The label of the first revision: how the project began. */
  origin: string;
  undoJson: string;
  redoJson: string;
}

export interface RevisionRow {
  revision: number;
  createdAt: string;
  label: string;
  documentSha256: string;
}

export interface RevisionWrite {
  readonly projectId: string;
  readonly revision: number;
  readonly at: string;
  readonly label: string;
  readonly documentJson: string;
  readonly documentSha256: string;
  readonly name: string;
  readonly undoJson: string;
  readonly redoJson: string;
}

const projectColumns = `id, name, kind, recording_id AS recordingId, created_at AS createdAt, updated_at AS updatedAt, deleted_at AS deletedAt,
  head_revision AS headRevision, undo_json AS undoJson, redo_json AS redoJson,
  coalesce((SELECT label FROM project_revisions r WHERE r.project_id = projects.id AND r.revision = 1), '') AS origin`;

/** Projects and their revisions. A revision is written with its project row in one transaction. */
export function projectQueries(db: LibraryDatabase) {
  const insertProject = db.prepare(
    `INSERT INTO projects (id, name, kind, recording_id, created_at, updated_at, head_revision) VALUES (@id, @name, @kind, @recordingId, @at, @at, 0)`,
  );
  const insertRevision = db.prepare(
    `INSERT INTO project_revisions (project_id, revision, created_at, label, document_json, document_sha256)
     VALUES (@projectId, @revision, @at, @label, @documentJson, @documentSha256)`,
  );
  const updateHead = db.prepare(
    `UPDATE projects SET head_revision = @revision, updated_at = @at, name = @name, undo_json = @undoJson, redo_json = @redoJson WHERE id = @projectId`,
  );
  const byId = db.prepare(`SELECT ${projectColumns} FROM projects WHERE id = ?`);
  const list = db.prepare(`SELECT ${projectColumns} FROM projects WHERE (deleted_at IS NULL) = @live ORDER BY updated_at DESC`);
  const revisionDoc = db.prepare<[string, number], { document_json: string }>(
    'SELECT document_json FROM project_revisions WHERE project_id = ? AND revision = ?',
  );
  const revisions = db.prepare(
    'SELECT revision, created_at AS createdAt, label, document_sha256 AS documentSha256 FROM project_revisions WHERE project_id = ? ORDER BY revision DESC LIMIT ?',
  );
  const setDeleted = db.prepare('UPDATE projects SET deleted_at = ? WHERE id = ?');

  const writeRevision = db.transaction((write: RevisionWrite) => {
    insertRevision.run(write);
    updateHead.run(write);
  });
  const createProject = db.transaction((project: { id: string; name: string; kind: string; recordingId: string }, first: RevisionWrite) => {
    insertProject.run({ ...project, at: first.at });
    writeRevision(first);
  });

  return {
    create: (project: { id: string; name: string; kind: string; recordingId: string }, first: RevisionWrite) => createProject.immediate(project, first),
    writeRevision: (write: RevisionWrite) => writeRevision.immediate(write),
    get: (id: string) => byId.get(id) as ProjectRow | undefined,
    list: (trashed: boolean) => list.all({ live: trashed ? 0 : 1 }) as ProjectRow[],
    revisionDocument: (id: string, revision: number): string | undefined => revisionDoc.get(id, revision)?.document_json,
    revisions: (id: string, limit = 500) => revisions.all(id, limit) as RevisionRow[],
    setDeleted: (id: string, at: string | null) => setDeleted.run(at, id),
  };
}
