import type { Handlers } from '../Dispatcher';
import type { StemroomServices } from '../StemroomServices';

type CatalogChannels = 'catalog.search' | 'catalog.recording' | 'catalog.packages' | 'catalog.keys' | 'catalog.import' | 'settings.get' | 'settings.update';

export function catalogHandlers(services: StemroomServices): Pick<Handlers, CatalogChannels> {
  const rights = (territory?: string, date?: string) => ({ territory: territory ?? services.settings.get().territory, date: date ?? services.today() });
  return {
    'catalog.search': (request) => {
      const context = rights(request.territory, request.date);
      return { ...services.catalog.search(request, context), ...context };
    },
    'catalog.recording': ({ id, territory, date }) => services.catalog.recording(id, rights(territory, date)),
    'catalog.packages': () => services.catalog.packages(),
    'catalog.keys': () => services.catalog.keys(),
    'catalog.import': ({ source, taskId }) =>
      services.tasks.run(taskId, async (task) => {
        const path = 'path' in source ? source.path : services.uploads.pathOf(source.uploadId);
        try {
          const summary = await services.catalog.importPackage(path, task);
          if (summary.status !== 'unchanged') services.events.emit('library.changed', { area: 'catalog' });
          return summary;
        } finally {
          if ('uploadId' in source) services.uploads.discard(source.uploadId);
        }
      }),
    'settings.get': () => services.settings.get(),
    'settings.update': (changes) => {
      const settings = services.settings.update(changes);
      services.events.emit('library.changed', { area: 'catalog' });
      return settings;
    },
  };
}
