import { ServiceError } from './ServiceError';
import type { EventBus } from './EventBus';

/** A running long task: report progress, check for cancellation. */
export interface TaskHandle {
  readonly signal: AbortSignal;
  progress(label: string, done: number, total: number): void;
  /** Throws a `cancelled` ServiceError if the user cancelled. */
  throwIfCancelled(): void;
}

const PROGRESS_INTERVAL_MS = 50;

/**
 * Long work (imports, exports, analytics) runs under a client-chosen task id:
 * progress goes out as `task.progress` events (throttled), `task.cancel` aborts it.
 */
export class TaskRegistry {
  private readonly running = new Map<string, AbortController>();

  constructor(private readonly events: EventBus) {}

  async run<T>(taskId: string | undefined, work: (task: TaskHandle) => Promise<T> | T): Promise<T> {
    const id = taskId ?? `task-${Math.random().toString(36).slice(2, 10)}`;
    if (this.running.has(id)) throw new ServiceError('conflict', `A task with id ${id} is already running.`);
    const controller = new AbortController();
    this.running.set(id, controller);
    let lastSent = 0;
    let lastLabel = '';
    const handle: TaskHandle = {
      signal: controller.signal,
      progress: (label, done, total) => {
        const now = Date.now();
        // A new step always goes out (else its label could be lost and the previous step's shown for its whole length).
        if (label === lastLabel && done < total && now - lastSent < PROGRESS_INTERVAL_MS) return;
        lastSent = now;
        lastLabel = label;
        this.events.emit('task.progress', { taskId: id, label, done, total });
      },
      throwIfCancelled: () => {
        if (controller.signal.aborted) throw new ServiceError('cancelled', 'Cancelled.');
      },
    };
    try {
      return await work(handle);
    } finally {
      this.running.delete(id);
    }
  }

  cancel(taskId: string): boolean {
    const controller = this.running.get(taskId);
    controller?.abort();
    return controller !== undefined;
  }
}
