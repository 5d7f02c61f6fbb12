import crypto from 'node:crypto';
import type { Command } from '../../../shared/project/commandSchema';
import type { CatalogSource, ProjectDocument } from '../../../shared/project/documentSchema';
import { createProjectDocument } from '../../../shared/project/createProjectDocument';
import { migrateDocument } from '../../../shared/project/migrateDocument';
import { recordingPermission, stemUsability } from '../../../shared/rights/recordingPermission';
import type { MissingSource, OpenProject, ProjectSummary, SourceRights } from '../../../shared/contract/projectsContract';
import { catalogReadQueries } from '../../db/catalogReadQueries';
import type { LibraryDatabase } from '../../db/openLibraryDatabase';
import { projectQueries, type ProjectRow } from '../../db/projectQueries';
import type { ContentStore } from '../../media/ContentStore';
import { ServiceError } from '../ServiceError';
import { recordingRights } from '../catalog/catalogRights';
import type { RightsContext } from '../catalog/CatalogService';
import { ProjectSession, type HistoryEntry, type HistoryState } from './ProjectSession';

/** Projects: create from a recording, open, edit through commands, undo/redo, revisions, trash. */
export class ProjectsService {
  private readonly queries;
  private readonly catalog;
  private readonly sessions = new Map<string, ProjectSession>();

  constructor(
    db: LibraryDatabase,
    private readonly store: ContentStore,
    private readonly now: () => Date,
    private readonly rights: () => RightsContext,
    private readonly onSaveError: (error: unknown) => void,
  ) {
    this.queries = projectQueries(db);
    this.catalog = catalogReadQueries(db);
  }

  list(trashed: boolean): ProjectSummary[] {
    return this.queries.list(trashed).map(summary);
  }

  /** "Start remix" / "Start cover": refused, with the licences' reasons, when the recording may not be used that way. */
  create(recordingId: string, kind: 'remix' | 'cover', name?: string): ProjectSummary {
    const recording = this.catalog.recording(recordingId);
    if (!recording) throw new ServiceError('not-found', `There is no recording "${recordingId}" in the library.`);
    const licences = recordingRights(recording.title, recording.workTitle, this.catalog.licences(recording.id, recording.workId));
    const { territory, date } = this.rights();
    const permission = recordingPermission(licences, kind, territory, date);
    if (!permission.allowed) throw new ServiceError('refused', `"${recording.title}" may not be ${kind === 'remix' ? 'remixed' : 'covered'}: ${permission.reasons.join(' ')}`, { reasons: permission.reasons });
    const stems = this.catalog.stems(recording.id).map((stem) => ({
      id: stem.id,
      name: stem.name,
      kind: stem.kind as CatalogSource['kind'],
      sha256: stem.sha256,
      durationSec: stem.frames / stem.sampleRate,
      sampleRate: stem.sampleRate,
      usable: stemUsability(stem, licences.masterLicences, kind, territory, date).usable,
    }));
    const document = createProjectDocument(
      { id: recording.id, packageId: recording.packageId, title: recording.title, bpm: recording.bpm, key: recording.key, sections: recording.sections, stems },
      kind,
      name ?? `${recording.title} (${kind === 'remix' ? 'Remix' : 'Cover'})`,
    );
    return this.insert(document, 'Created');
  }

  /** Stores a document as a new project (creation, duplication, file import). */
  insert(document: ProjectDocument, label: string): ProjectSummary {
    const id = crypto.randomUUID();
    const json = JSON.stringify(document);
    const at = this.now().toISOString();
    this.queries.create(
      { id, name: document.name, kind: document.kind, recordingId: document.recordingId },
      { projectId: id, revision: 1, at, label, documentJson: json, documentSha256: sha256(json), name: document.name, undoJson: '[]', redoJson: '[]' },
    );
    return summary(this.queries.get(id)!);
  }

  open(projectId: string): OpenProject {
    const session = this.session(projectId);
    const document = session.current;
    return { project: this.summaryOf(projectId), document, history: session.history(), rights: this.sourceRights(document), missing: this.missingSources(document) };
  }

  edit(projectId: string, commands: readonly Command[], label?: string): HistoryState {
    return this.session(projectId).edit(commands, label);
  }

  undo(projectId: string) {
    const session = this.session(projectId);
    const history = session.undo();
    return { document: session.current, history };
  }

  redo(projectId: string) {
    const session = this.session(projectId);
    const history = session.redo();
    return { document: session.current, history };
  }

  /** The document as it is now (pending edits included) or at a stored revision. */
  documentAt(projectId: string, revision?: number): ProjectDocument {
    if (revision === undefined) return this.session(projectId).current;
    const json = this.queries.revisionDocument(projectId, revision);
    if (!json) throw new ServiceError('not-found', `Project ${projectId} has no revision ${revision}.`);
    return migrateDocument(JSON.parse(json));
  }

  duplicate(projectId: string, revision?: number, name?: string): ProjectSummary {
    const document = this.documentAt(projectId, revision);
    return this.insert({ ...document, name: name ?? `${document.name} (copy)` }, revision === undefined ? 'Duplicated' : `Duplicated from revision ${revision}`);
  }

  restoreRevision(projectId: string, revision: number) {
    const document = this.documentAt(projectId, revision);
    const session = this.session(projectId);
    const history = session.edit([{ type: 'replaceDocument', document }], `Restore revision ${revision}`);
    return { document: session.current, history };
  }

  revisions(projectId: string) {
    this.row(projectId);
    this.session(projectId).flush();
    return this.queries.revisions(projectId);
  }

  setTrashed(projectId: string, trashed: boolean): ProjectSummary {
    this.row(projectId);
    this.sessions.get(projectId)?.flush();
    this.queries.setDeleted(projectId, trashed ? this.now().toISOString() : null);
    return this.summaryOf(projectId);
  }

  summaryOf(projectId: string): ProjectSummary {
    return summary(this.row(projectId));
  }

  /** Writes every pending edit (on quit, before export). */
  flushAll(): void {
    for (const session of this.sessions.values()) session.flush();
  }

  /** Licence state of each catalog source for the project's kind, here and today. */
  sourceRights(document: ProjectDocument): Record<string, SourceRights> {
    const { territory, date } = this.rights();
    const result: Record<string, SourceRights> = {};
    for (const source of document.sources) {
      if (source.type !== 'catalog') continue;
      const recording = this.catalog.recording(source.recordingId);
      if (!recording) {
        result[source.id] = { usable: false, reason: `"${source.name}" comes from a recording that is not in this library.`, restrictions: [] };
        continue;
      }
      const licences = recordingRights(recording.title, recording.workTitle, this.catalog.licences(recording.id, recording.workId));
      const usability = stemUsability({ id: source.stemId, name: source.name }, licences.masterLicences, document.kind, territory, date);
      const stemName = this.catalog.stems(recording.id).find((s) => s.id === source.stemId)?.name ?? source.name;
      result[source.id] = {
        usable: usability.usable,
        ...(usability.reason ? { reason: usability.reason } : {}),
        restrictions: [...usability.restrictions],
        ...(usability.licenceId ? { licenceId: usability.licenceId } : {}),
        stemName,
        recordingTitle: recording.title,
      };
    }
    return result;
  }

  missingSources(document: ProjectDocument, packageTitles: ReadonlyMap<string, string> = new Map()): MissingSource[] {
    const installed = new Map(this.catalog.packages().map((p) => [p.id, p.title]));
    return document.sources
      .filter((source) => !this.store.has(source.sha256))
      .map((source) => {
        const packageId = source.type === 'catalog' ? source.packageId : '';
        return {
          sourceId: source.id,
          name: source.name,
          packageId,
          packageTitle: packageTitles.get(packageId) ?? installed.get(packageId) ?? (source.type === 'catalog' ? `package ${packageId}` : 'your own recording (not in this file)'),
        };
      });
  }

  private session(projectId: string): ProjectSession {
    let session = this.sessions.get(projectId);
    if (!session) {
      const row = this.row(projectId);
      const document = migrateDocument(JSON.parse(this.queries.revisionDocument(projectId, row.headRevision)!));
      session = new ProjectSession(projectId, document, row.headRevision, JSON.parse(row.undoJson) as HistoryEntry[], JSON.parse(row.redoJson) as HistoryEntry[], this.queries, this.now, this.onSaveError);
      this.sessions.set(projectId, session);
    }
    return session;
  }

  private row(projectId: string): ProjectRow {
    const row = this.queries.get(projectId);
    if (!row) throw new ServiceError('not-found', `There is no project ${projectId}.`);
    return row;
  }
}

function summary(row: ProjectRow): ProjectSummary {
  return { id: row.id, name: row.name, kind: row.kind, recordingId: row.recordingId, createdAt: row.createdAt, updatedAt: row.updatedAt, deletedAt: row.deletedAt, headRevision: row.headRevision, origin: row.origin };
}

function sha256(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex');
}
