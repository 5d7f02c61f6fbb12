import type { Handlers } from './Dispatcher';
import type { StemroomServices } from './StemroomServices';
import { schemaVersionOf } from '../db/openLibraryDatabase';
import { libraryMetaQueries } from '../db/libraryMetaQueries';
import { appVersion } from './appVersion';

export function libraryHandlers(services: StemroomServices): Pick<Handlers, 'library.info' | 'task.cancel'> {
  const { library } = services;
  const meta = libraryMetaQueries(library.db);
  return {
    'library.info': (_request, context) => ({
      dataDir: library.paths.dataDir,
      databasePath: library.paths.databasePath,
      schemaVersion: schemaVersionOf(library.db),
      appVersion,
      libraryId: meta.get('library_id') ?? '',
      createdAt: meta.get('created_at') ?? '',
      host: context.host,
    }),
    'task.cancel': ({ taskId }) => ({ cancelled: services.tasks.cancel(taskId) }),
  };
}
