import type { Handlers } from '../Dispatcher';
import type { EventBus } from '../EventBus';
import type { TaskRegistry } from '../TaskRegistry';
import type { Uploads } from '../Uploads';
import type { AnalyticsService } from './AnalyticsService';

/** What the analytics endpoints use. */
export interface AnalyticsHandlerDeps {
  readonly analytics: Pick<AnalyticsService, 'importFile' | 'simulate' | 'report' | 'overview' | 'aside' | 'flaggedPlays' | 'dispute' | 'tryFix'>;
  readonly tasks: Pick<TaskRegistry, 'run'>;
  readonly uploads: Pick<Uploads, 'pathOf' | 'discard'>;
  readonly events: Pick<EventBus, 'emit'>;
}

/** The analytics endpoints: imports and simulations run as tasks; dashboards answer from rollups. */
export function analyticsHandlers({
  analytics,
  tasks,
  uploads,
  events,
}: AnalyticsHandlerDeps): Pick<
  Handlers,
  | 'analytics.import'
  | 'analytics.simulate'
  | 'analytics.report'
  | 'analytics.overview'
  | 'analytics.aside'
  | 'analytics.flaggedPlays'
  | 'analytics.dispute'
  | 'analytics.tryFix'
> {
  return {
    'analytics.import': ({ source, fileName, listener, taskId }) =>
      tasks.run(taskId, async (task) => {
        const file = 'path' in source ? source.path : uploads.pathOf(source.uploadId);
        try {
          const summary = await analytics.importFile(file, { fileName: fileName ?? ('path' in source ? undefined : 'uploaded file'), listener }, task);
          events.emit('library.changed', { area: 'plays' });
          return summary;
        } finally {
          if ('uploadId' in source) uploads.discard(source.uploadId);
        }
      }),
    'analytics.simulate': ({ taskId, ...request }) =>
      tasks.run(taskId, async (task) => {
        const summary = await analytics.simulate(request, task);
        events.emit('library.changed', { area: 'plays' });
        return summary;
      }),
    'analytics.report': ({ exportId, excludeFlagged }) => analytics.report(exportId, excludeFlagged),
    'analytics.overview': ({ excludeFlagged }) => analytics.overview(excludeFlagged),
    'analytics.aside': () => analytics.aside(),
    'analytics.flaggedPlays': ({ exportId, limit }) => analytics.flaggedPlays(exportId, limit),
    'analytics.dispute': async ({ exportId, catchId, disputed }) => {
      const result = await analytics.dispute(exportId, catchId, disputed);
      events.emit('library.changed', { area: 'plays' });
      return result;
    },
    'analytics.tryFix': ({ exportId, second }) => {
      const opened = analytics.tryFix(exportId, second);
      events.emit('library.changed', { area: 'projects' });
      return opened;
    },
  };
}
