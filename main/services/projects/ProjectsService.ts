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
import { sourceIdentityQueries } from '../../db/sourceIdentityQueries';
import { sourcesIntroducedBy } from '../../../shared/project/sourcesIntroducedBy';
import { refuseForgedSources } from './refuseForgedSources';
import { catalogClaimProblem } from '../../../shared/rights/sourceIdentity';

/** Projects: create from a recording, open, edit through commands, undo/redo, revisions, trash. */
export class ProjectsService {
  private readonly queries;
  private readonly catalog;
  private readonly identity;
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
    this.identity = sourceIdentityQueries(db);
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
    if (!permission.allowed)
      throw new ServiceError('refused', `"${recording.title}" may not be ${kind === 'remix' ? 'remixed' : 'covered'}: ${permission.reasons.join(' ')}`, {
        reasons: permission.reasons,
      });
    const all = this.catalog.stems(recording.id);
    // A derivative carries its mix and its per-track stems: a remix starts from the tracks (the mix holds them all again).
    const parts = all.some((s) => !s.mix) ? all.filter((s) => !s.mix) : all;
    const stems = parts.map((stem) => ({
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
    return {
      project: this.summaryOf(projectId),
      document,
      history: session.history(),
      rights: this.sourceRights(document),
      missing: this.missingSources(document),
    };
  }

  /** Applies edits as one undo step; sources they bring in must be what they claim (forged ones are refused, nothing changed). */
  edit(projectId: string, commands: readonly Command[], label?: string): HistoryState {
    const session = this.session(projectId);
    this.refuseForged(commands);
    return session.edit(commands, label);
  }

  /**
   * Refuses commands whose sources claim what the catalog contradicts (see
   * refuseForgedSources). `arriving` is own audio about to be stored with
   * them (the takes inside an imported .stemroom file).
   */
  refuseForged(commands: readonly Command[], arriving: ReadonlySet<string> = new Set()): void {
    const sources = sourcesIntroducedBy(commands);
    if (!sources.length) return;
    refuseForgedSources(sources, this.identity.lookup(), {
      isOwnAudio: (sha) => arriving.has(sha) || this.identity.isOwnAudio(sha),
      inStore: (sha) => this.store.has(sha),
    });
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
    return this.insert(
      { ...document, name: name ?? `${document.name} (copy)` },
      revision === undefined ? 'Duplicated' : `Duplicated from revision ${revision}`,
    );
  }

  restoreRevision(projectId: string, revision: number) {
    const document = this.documentAt(projectId, revision);
    const session = this.session(projectId);
    this.refuseForged([{ type: 'replaceDocument', document }]);
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

  /**
   * Licence state of each catalog source for the project's kind, here and
   * today — and of own audio that is catalog audio (licensed as that stem).
   * A source whose claim the catalog contradicts is flagged as unusable.
   */
  sourceRights(document: ProjectDocument): Record<string, SourceRights> {
    const { territory, date } = this.rights();
    const lookup = this.identity.lookup();
    const result: Record<string, SourceRights> = {};
    const usabilityOf = (recordingId: string, stem: { id: string; name: string }) => {
      const recording = this.catalog.recording(recordingId);
      if (!recording) return undefined;
      const licences = recordingRights(recording.title, recording.workTitle, this.catalog.licences(recording.id, recording.workId));
      return stemUsability(stem, licences.masterLicences, document.kind, territory, date);
    };
    for (const source of document.sources) {
      if (source.type === 'recording') {
        const identity = lookup.identify(source.sha256)[0];
        const usability = identity && usabilityOf(identity.stem.recordingId, { id: identity.stem.stemId, name: identity.stem.stemName });
        if (!identity || !usability) continue;
        const is = `"${source.name}" is the stem "${identity.stem.stemName}" of "${identity.stem.recordingTitle}" (${identity.method === 'same-audio' ? 'the same audio' : 'the same sound'}), so its licence applies.`;
        result[source.id] = {
          usable: usability.usable,
          reason: usability.reason ? `${is} ${usability.reason}` : is,
          restrictions: [...usability.restrictions],
          identifiedAs: {
            stemId: identity.stem.stemId,
            stemName: identity.stem.stemName,
            recordingTitle: identity.stem.recordingTitle,
            method: identity.method,
          },
        };
        continue;
      }
      const forged = catalogClaimProblem(source, lookup);
      if (forged) {
        result[source.id] = { usable: false, reason: forged, restrictions: [] };
        continue;
      }
      const usability = usabilityOf(source.recordingId, { id: source.stemId, name: source.name });
      if (!usability) {
        result[source.id] = { usable: false, reason: `"${source.name}" comes from a recording that is not in this library.`, restrictions: [] };
        continue;
      }
      const recording = this.catalog.recording(source.recordingId)!;
      result[source.id] = {
        usable: usability.usable,
        ...(usability.reason ? { reason: usability.reason } : {}),
        restrictions: [...usability.restrictions],
        // The names the export refusal uses, so the studio's live restriction flags read the same.
        ...(usability.licenceId ? { licenceId: usability.licenceId } : {}),
        stemName: this.catalog.stems(recording.id).find((s) => s.id === source.stemId)?.name ?? source.name,
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
          packageTitle:
            packageTitles.get(packageId) ??
            installed.get(packageId) ??
            (source.type === 'catalog' ? `package ${packageId}` : 'your own recording (not in this file)'),
        };
      });
  }

  private session(projectId: string): ProjectSession {
    let session = this.sessions.get(projectId);
    if (!session) {
      const row = this.row(projectId);
      const document = migrateDocument(JSON.parse(this.queries.revisionDocument(projectId, row.headRevision)!));
      session = new ProjectSession(
        projectId,
        document,
        row.headRevision,
        JSON.parse(row.undoJson) as HistoryEntry[],
        JSON.parse(row.redoJson) as HistoryEntry[],
        this.queries,
        this.now,
        this.onSaveError,
      );
      this.sessions.set(projectId, session);
    }
    return session;
  }

  /** Whether a project with this id is in the library (trashed ones included). */
  exists(projectId: string): boolean {
    return this.queries.get(projectId) !== undefined;
  }

  private row(projectId: string): ProjectRow {
    const row = this.queries.get(projectId);
    if (!row) throw new ServiceError('not-found', `There is no project ${projectId}.`);
    return row;
  }
}

function summary(row: ProjectRow): ProjectSummary {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    recordingId: row.recordingId,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    deletedAt: row.deletedAt,
    headRevision: row.headRevision,
    origin: row.origin,
  };
}

function sha256(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex');
}
