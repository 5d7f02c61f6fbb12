import type { Handlers } from './Dispatcher';
import type { Library } from './Library';
import type { TaskRegistry } from './TaskRegistry';
import { appVersion } from './appVersion';

/** What the library endpoints use: the open library's description, and the running tasks. */
export interface LibraryHandlerDeps {
  readonly library: Pick<Library, 'info'>;
  readonly tasks: Pick<TaskRegistry, 'cancel'>;
}

export function libraryHandlers({ library, tasks }: LibraryHandlerDeps): Pick<Handlers, 'library.info' | 'task.cancel'> {
  return {
    'library.info': (_request, context) => ({ ...library.info(), appVersion, host: context.host }),
    'task.cancel': ({ taskId }) => ({ cancelled: tasks.cancel(taskId) }),
  };
}
