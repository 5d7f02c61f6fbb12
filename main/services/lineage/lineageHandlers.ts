import type { Handlers } from '../Dispatcher';
import type { EventBus } from '../EventBus';
import type { TaskRegistry } from '../TaskRegistry';
import type { Uploads } from '../Uploads';
import type { ApprovalService } from './ApprovalService';
import type { LineageService } from './LineageService';
import type { PublishService } from './PublishService';

type LineageChannels = 'lineage.graph' | 'lineage.publishCheck' | 'lineage.publish' | 'approvals.request' | 'approvals.import';

/** What the lineage, publishing and approval endpoints use. */
export interface LineageHandlerDeps {
  readonly lineage: Pick<LineageService, 'graph'>;
  readonly publishing: Pick<PublishService, 'check' | 'publish'>;
  readonly approvals: Pick<ApprovalService, 'request' | 'import'>;
  readonly tasks: Pick<TaskRegistry, 'run'>;
  readonly uploads: Pick<Uploads, 'pathOf' | 'discard'>;
  readonly events: Pick<EventBus, 'emit'>;
}

export function lineageHandlers({ lineage, publishing, approvals, tasks, uploads, events }: LineageHandlerDeps): Pick<Handlers, LineageChannels> {
  return {
    'lineage.graph': (focus) => lineage.graph(focus),
    'lineage.publishCheck': ({ exportId }) => publishing.check(exportId),
    'lineage.publish': ({ taskId, ...request }) =>
      tasks.run(taskId, async (task) => {
        const summary = await publishing.publish({ ...request, taskId }, task);
        events.emit('library.changed', { area: 'exports' });
        return summary;
      }),
    'approvals.request': ({ projectId, licenceId, channel }) => approvals.request(projectId, licenceId, channel),
    'approvals.import': ({ source }) => {
      if ('path' in source) return approvals.import(source.path);
      try {
        return approvals.import(uploads.pathOf(source.uploadId));
      } finally {
        uploads.discard(source.uploadId);
      }
    },
  };
}
