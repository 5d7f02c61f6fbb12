import type { Handlers } from '../Dispatcher';
import type { EventBus } from '../EventBus';
import type { Uploads } from '../Uploads';
import type { ProjectsService } from './ProjectsService';
import { exportProjectFile, importProjectFile, type ProjectFileContext } from './projectFile';

type ProjectChannels =
  | 'projects.list'
  | 'projects.create'
  | 'projects.open'
  | 'projects.rights'
  | 'projects.edit'
  | 'projects.undo'
  | 'projects.redo'
  | 'projects.duplicate'
  | 'projects.delete'
  | 'projects.restore'
  | 'projects.revisions'
  | 'projects.restoreRevision'
  | 'projects.exportFile'
  | 'projects.importFile';

/** What the project endpoints use. */
export interface ProjectsHandlerDeps {
  readonly projects: Pick<
    ProjectsService,
    | 'list'
    | 'create'
    | 'open'
    | 'documentAt'
    | 'sourceRights'
    | 'missingSources'
    | 'edit'
    | 'undo'
    | 'redo'
    | 'duplicate'
    | 'setTrashed'
    | 'revisions'
    | 'restoreRevision'
  >;
  readonly uploads: Pick<Uploads, 'pathOf' | 'discard'>;
  readonly events: Pick<EventBus, 'emit'>;
  /** What reading and writing a .stemroom file needs. */
  readonly projectFileContext: () => ProjectFileContext;
}

export function projectsHandlers({ projects, uploads, events, projectFileContext }: ProjectsHandlerDeps): Pick<Handlers, ProjectChannels> {
  const changed = <T>(value: T): T => {
    events.emit('library.changed', { area: 'projects' });
    return value;
  };
  return {
    'projects.list': ({ trashed }) => projects.list(trashed),
    'projects.create': ({ recordingId, kind, name }) => changed(projects.create(recordingId, kind, name)),
    'projects.open': ({ projectId }) => projects.open(projectId),
    'projects.rights': ({ projectId }) => {
      const document = projects.documentAt(projectId);
      return { rights: projects.sourceRights(document), missing: projects.missingSources(document) };
    },
    'projects.edit': ({ projectId, commands, label }) => projects.edit(projectId, commands, label),
    'projects.undo': ({ projectId }) => projects.undo(projectId),
    'projects.redo': ({ projectId }) => projects.redo(projectId),
    'projects.duplicate': ({ projectId, revision, name }) => changed(projects.duplicate(projectId, revision, name)),
    'projects.delete': ({ projectId }) => changed(projects.setTrashed(projectId, true)),
    'projects.restore': ({ projectId }) => changed(projects.setTrashed(projectId, false)),
    'projects.revisions': ({ projectId }) => projects.revisions(projectId),
    'projects.restoreRevision': ({ projectId, revision }) => projects.restoreRevision(projectId, revision),
    'projects.exportFile': ({ projectId, path }) => exportProjectFile(projectFileContext(), projectId, path),
    'projects.importFile': async ({ source }) => {
      const path = 'path' in source ? source.path : uploads.pathOf(source.uploadId);
      try {
        return changed(await importProjectFile(projectFileContext(), path));
      } finally {
        if ('uploadId' in source) uploads.discard(source.uploadId);
      }
    },
  };
}
