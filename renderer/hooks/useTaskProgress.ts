import { useEffect, useState } from 'react';
import type { TaskProgress } from '../../shared/contract/taskContract';
import { useBridge } from '../app/BridgeContext';

/** The latest progress of one task id (null before the first report). */
export function useTaskProgress(taskId: string | null): TaskProgress | null {
  const bridge = useBridge();
  const [progress, setProgress] = useState<TaskProgress | null>(null);
  useEffect(() => {
    setProgress(null);
    if (!taskId) return;
    return bridge.on('task.progress', (p) => p.taskId === taskId && setProgress(p));
  }, [bridge, taskId]);
  return progress;
}

/** A fresh task id for a long request. */
export function newTaskId(prefix: string): string {
  return `${prefix}-${crypto.getRandomValues(new Uint32Array(2)).join('')}`.slice(0, 64);
}
