import type { Handlers } from '../Dispatcher';
import type { StemroomServices } from '../StemroomServices';

type ExportChannels = 'exports.check' | 'exports.start' | 'exports.list' | 'exports.show' | 'exports.inspect' | 'exports.reveal' | 'ledger.verify';

export function exportsHandlers(services: StemroomServices): Pick<Handlers, ExportChannels> {
  const { exports } = services;
  return {
    'exports.check': ({ projectId, territory, creator, title, channel, aiUse }) => exports.check(projectId, territory, creator, title, { channel: channel ?? 'streaming-distribution', ...(aiUse ? { aiUse } : {}) }),
    'exports.start': ({ taskId, ...options }) =>
      services.tasks.run(taskId, async (task) => {
        const summary = await exports.export({ ...options, taskId }, task);
        services.events.emit('library.changed', { area: 'exports' });
        return summary;
      }),
    'exports.list': ({ projectId }) => exports.list(projectId),
    'exports.show': ({ exportId }) => exports.show(exportId),
    'exports.inspect': ({ source }) => {
      if ('path' in source) return exports.inspect(source.path);
      try {
        return exports.inspect(services.uploads.pathOf(source.uploadId), 'uploaded file');
      } finally {
        services.uploads.discard(source.uploadId);
      }
    },
    'exports.reveal': ({ exportId }) => ({ revealed: services.reveal(exports.pathOf(exportId)) }),
    'ledger.verify': () => exports.verifyLedger(),
  };
}
