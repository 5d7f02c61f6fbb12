import type { Handlers } from '../Dispatcher';
import type { StemroomServices } from '../StemroomServices';
import { exportProjectFile, importProjectFile } from './projectFile';

type ProjectChannels =
  | 'projects.list' | 'projects.create' | 'projects.open' | 'projects.rights' | 'projects.edit' | 'projects.undo' | 'projects.redo' | 'projects.duplicate'
  | 'projects.delete' | 'projects.restore' | 'projects.revisions' | 'projects.restoreRevision' | 'projects.exportFile' | 'projects.importFile';

export function projectsHandlers(services: StemroomServices): Pick<Handlers, ProjectChannels> {
  const { projects } = services;
  const changed = <T>(value: T): T => {
    services.events.emit('library.changed', { area: 'projects' });
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
    'projects.exportFile': ({ projectId, path }) => exportProjectFile(services.projectFileContext(), projectId, path),
    'projects.importFile': async ({ source }) => {
      const path = 'path' in source ? source.path : services.uploads.pathOf(source.uploadId);
      try {
        return changed(await importProjectFile(services.projectFileContext(), path));
      } finally {
        if ('uploadId' in source) services.uploads.discard(source.uploadId);
      }
    },
  };
}
