import type { Handlers } from '../Dispatcher';
import type { EventBus } from '../EventBus';
import type { TaskRegistry } from '../TaskRegistry';
import type { Uploads } from '../Uploads';
import type { ExportService } from './ExportService';

type ExportChannels = 'exports.check' | 'exports.start' | 'exports.list' | 'exports.show' | 'exports.inspect' | 'exports.reveal' | 'ledger.verify';

/** What the export endpoints use. */
export interface ExportsHandlerDeps {
  readonly exports: Pick<ExportService, 'check' | 'export' | 'list' | 'show' | 'inspect' | 'pathOf' | 'verifyLedger'>;
  readonly tasks: Pick<TaskRegistry, 'run'>;
  readonly uploads: Pick<Uploads, 'pathOf' | 'discard'>;
  readonly events: Pick<EventBus, 'emit'>;
  /** Shows a file in the OS file manager. */
  readonly reveal: (path: string) => boolean;
}

export function exportsHandlers({ exports, tasks, uploads, events, reveal }: ExportsHandlerDeps): Pick<Handlers, ExportChannels> {
  return {
    'exports.check': ({ projectId, territory, creator, title }) => exports.check(projectId, territory, creator, title),
    'exports.start': ({ taskId, ...options }) =>
      tasks.run(taskId, async (task) => {
        const summary = await exports.export({ ...options, taskId }, task);
        events.emit('library.changed', { area: 'exports' });
        return summary;
      }),
    'exports.list': ({ projectId }) => exports.list(projectId),
    'exports.show': ({ exportId }) => exports.show(exportId),
    'exports.inspect': ({ source }) => {
      if ('path' in source) return exports.inspect(source.path);
      try {
        return exports.inspect(uploads.pathOf(source.uploadId), 'uploaded file');
      } finally {
        uploads.discard(source.uploadId);
      }
    },
    'exports.reveal': ({ exportId }) => ({ revealed: reveal(exports.pathOf(exportId)) }),
    'ledger.verify': () => exports.verifyLedger(),
  };
}
