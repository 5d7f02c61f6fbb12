import type { Handlers } from '../Dispatcher';
import type { StemroomServices } from '../StemroomServices';

type LineageChannels = 'lineage.graph' | 'lineage.publishCheck' | 'lineage.publish' | 'approvals.request' | 'approvals.import';

export function lineageHandlers(services: StemroomServices): Pick<Handlers, LineageChannels> {
  return {
    'lineage.graph': (focus) => services.lineage.graph(focus),
    'lineage.publishCheck': ({ exportId }) => services.publishing.check(exportId),
    'lineage.publish': ({ taskId, ...request }) =>
      services.tasks.run(taskId, async (task) => {
        const summary = await services.publishing.publish({ ...request, taskId }, task);
        services.events.emit('library.changed', { area: 'exports' });
        return summary;
      }),
    'approvals.request': ({ projectId, licenceId, channel }) => services.approvals.request(projectId, licenceId, channel),
    'approvals.import': ({ source }) => {
      if ('path' in source) return services.approvals.import(source.path);
      try {
        return services.approvals.import(services.uploads.pathOf(source.uploadId));
      } finally {
        services.uploads.discard(source.uploadId);
      }
    },
  };
}
