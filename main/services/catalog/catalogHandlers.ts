import type { Handlers } from '../Dispatcher';
import type { EventBus } from '../EventBus';
import type { SettingsService } from '../SettingsService';
import type { TaskRegistry } from '../TaskRegistry';
import type { Uploads } from '../Uploads';
import type { CatalogService } from './CatalogService';

type CatalogChannels = 'catalog.search' | 'catalog.recording' | 'catalog.packages' | 'catalog.keys' | 'catalog.import' | 'settings.get' | 'settings.update';

/** What the catalog and settings endpoints use. */
export interface CatalogHandlerDeps {
  readonly catalog: Pick<CatalogService, 'search' | 'recording' | 'packages' | 'keys' | 'importPackage'>;
  readonly settings: Pick<SettingsService, 'get' | 'update'>;
  readonly tasks: Pick<TaskRegistry, 'run'>;
  readonly uploads: Pick<Uploads, 'pathOf' | 'discard'>;
  readonly events: Pick<EventBus, 'emit'>;
  /** Today as YYYY-MM-DD: the date rights are judged on when the request names none. */
  readonly today: () => string;
}

export function catalogHandlers({ catalog, settings, tasks, uploads, events, today }: CatalogHandlerDeps): Pick<Handlers, CatalogChannels> {
  const rights = (territory?: string, date?: string) => ({ territory: territory ?? settings.get().territory, date: date ?? today() });
  return {
    'catalog.search': (request) => {
      const context = rights(request.territory, request.date);
      return { ...catalog.search(request, context), ...context };
    },
    'catalog.recording': ({ id, territory, date }) => catalog.recording(id, rights(territory, date)),
    'catalog.packages': () => catalog.packages(),
    'catalog.keys': () => catalog.keys(),
    'catalog.import': ({ source, taskId }) =>
      tasks.run(taskId, async (task) => {
        const path = 'path' in source ? source.path : uploads.pathOf(source.uploadId);
        try {
          const summary = await catalog.importPackage(path, task);
          if (summary.status !== 'unchanged') events.emit('library.changed', { area: 'catalog' });
          return summary;
        } finally {
          if ('uploadId' in source) uploads.discard(source.uploadId);
        }
      }),
    'settings.get': () => settings.get(),
    'settings.update': (changes) => {
      const updated = settings.update(changes);
      events.emit('library.changed', { area: 'catalog' });
      return updated;
    },
  };
}
