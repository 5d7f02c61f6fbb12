import { useState } from 'react';
import { newTaskId } from './useTaskProgress';

/** A long request started from a dialog: its task id while it runs, and why it failed. */
export interface TaskRun {
  readonly taskId: string | null;
  readonly failure: string | null;
  readonly setFailure: (message: string | null) => void;
  /** Runs `work` under a fresh task id; a throw becomes `failure` (the message, as the service worded it). */
  readonly run: (work: (taskId: string) => Promise<void>) => Promise<void>;
}

/**
 * One long request at a time, with its failure kept for the dialog to show.
 *
 * @example
 * const task = useTaskRun('export');
 * const start = () => task.run(async (taskId) => setResult(await bridge.call('exports.start', { projectId, taskId })));
 */
export function useTaskRun(prefix: string): TaskRun {
  const [taskId, setTaskId] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const run = async (work: (taskId: string) => Promise<void>) => {
    const id = newTaskId(prefix);
    setTaskId(id);
    setFailure(null);
    try {
      await work(id);
    } catch (error) {
      setFailure((error as Error).message);
    } finally {
      setTaskId(null);
    }
  };
  return { taskId, failure, setFailure, run };
}
