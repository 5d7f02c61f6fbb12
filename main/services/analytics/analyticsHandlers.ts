import type { Handlers } from '../Dispatcher';
import type { StemroomServices } from '../StemroomServices';

/** The analytics endpoints: imports and simulations run as tasks; dashboards answer from rollups. */
export function analyticsHandlers(services: StemroomServices): Pick<Handlers, 'analytics.import' | 'analytics.simulate' | 'analytics.report' | 'analytics.overview' | 'analytics.aside'> {
  return {
    'analytics.import': ({ source, fileName, listener, taskId }) =>
      services.tasks.run(taskId, async (task) => {
        const file = 'path' in source ? source.path : services.uploads.pathOf(source.uploadId);
        try {
          const summary = await services.analytics.importFile(file, { fileName: fileName ?? ('path' in source ? undefined : 'uploaded file'), listener }, task);
          services.events.emit('library.changed', { area: 'plays' });
          return summary;
        } finally {
          if ('uploadId' in source) services.uploads.discard(source.uploadId);
        }
      }),
    'analytics.simulate': ({ taskId, ...request }) =>
      services.tasks.run(taskId, async (task) => {
        const summary = await services.analytics.simulate(request, task);
        services.events.emit('library.changed', { area: 'plays' });
        return summary;
      }),
    'analytics.report': ({ exportId, excludeFlagged }) => services.analytics.report(exportId, excludeFlagged),
    'analytics.overview': ({ excludeFlagged }) => services.analytics.overview(excludeFlagged),
    'analytics.aside': () => services.analytics.aside(),
  };
}
