import type { Handlers } from '../Dispatcher';
import type { EventBus } from '../EventBus';
import type { TaskRegistry } from '../TaskRegistry';
import type { Uploads } from '../Uploads';
import type { DeliveryBundles } from '../delivery/DeliveryBundles';
import type { ExportService } from './ExportService';

type ExportChannels =
  'exports.check' | 'exports.start' | 'exports.list' | 'exports.show' | 'exports.inspect' | 'exports.bundle' | 'exports.reveal' | 'ledger.verify';

/** What the export endpoints use. */
export interface ExportsHandlerDeps {
  readonly exports: Pick<ExportService, 'check' | 'export' | 'list' | 'show' | 'inspect' | 'pathOf' | 'verifyLedger'>;
  readonly bundles: Pick<DeliveryBundles, 'write' | 'isBundle' | 'inspect'>;
  readonly tasks: Pick<TaskRegistry, 'run'>;
  readonly uploads: Pick<Uploads, 'pathOf' | 'discard'>;
  readonly events: Pick<EventBus, 'emit'>;
  /** Shows a file in the OS file manager. */
  readonly reveal: (path: string) => boolean;
}

export function exportsHandlers({ exports, bundles, tasks, uploads, events, reveal }: ExportsHandlerDeps): Pick<Handlers, ExportChannels> {
  return {
    'exports.check': ({ projectId, territory, creator, title, channel, aiUse }) =>
      exports.check(projectId, territory, creator, title, { channel: channel ?? 'streaming-distribution', ...(aiUse ? { aiUse } : {}) }),
    'exports.start': ({ taskId, ...options }) =>
      tasks.run(taskId, async (task) => {
        const summary = await exports.export({ ...options, taskId }, task);
        events.emit('library.changed', { area: 'exports' });
        if (!options.bundle) return summary;
        task.progress('Writing the delivery bundle', 0, 1);
        try {
          return { ...summary, bundlePath: (await bundles.write(summary.exportId, options.bundle)).path };
        } catch (error) {
          // The export itself stands (file, credits, ledger entry); the bundle can be written again later.
          return { ...summary, notes: [...summary.notes, `The export is done, but its delivery bundle could not be written: ${(error as Error).message}`] };
        }
      }),
    'exports.list': ({ projectId }) => exports.list(projectId),
    'exports.show': ({ exportId }) => exports.show(exportId),
    'exports.inspect': async ({ source }) => {
      const file = 'path' in source ? source.path : uploads.pathOf(source.uploadId);
      const label = 'path' in source ? source.path : 'uploaded file';
      try {
        // A folder or a .zip is a delivery bundle; anything else an export file.
        return bundles.isBundle(file) ? await bundles.inspect(file, label) : exports.inspect(file, label);
      } finally {
        if ('uploadId' in source) uploads.discard(source.uploadId);
      }
    },
    'exports.bundle': ({ exportId, kind, path }) => bundles.write(exportId, kind, path),
    'exports.reveal': ({ exportId }) => ({ revealed: reveal(exports.pathOf(exportId)) }),
    'ledger.verify': () => exports.verifyLedger(),
  };
}
