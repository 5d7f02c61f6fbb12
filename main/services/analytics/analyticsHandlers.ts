import type { Handlers } from '../Dispatcher';
import type { StemroomServices } from '../StemroomServices';

/** The analytics endpoints: imports and simulations run as tasks; dashboards answer from rollups. */
export function analyticsHandlers(services: StemroomServices): Pick<Handlers, 'analytics.import' | 'analytics.simulate' | 'analytics.report' | 'analytics.overview' | 'analytics.aside' | 'analytics.flaggedPlays' | 'analytics.dispute' | 'analytics.tryFix'> {
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
    'analytics.flaggedPlays': ({ exportId, limit }) => services.analytics.flaggedPlays(exportId, limit),
    'analytics.dispute': async ({ exportId, catchId, disputed }) => {
      const result = await services.analytics.dispute(exportId, catchId, disputed);
      services.events.emit('library.changed', { area: 'plays' });
      return result;
    },
    'analytics.tryFix': ({ exportId, second }) => {
      const opened = services.analytics.tryFix(exportId, second);
      services.events.emit('library.changed', { area: 'projects' });
      return opened;
    },
  };
}
