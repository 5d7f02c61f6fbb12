import { useBridge } from '../app/BridgeContext';
import { useTaskProgress } from '../hooks/useTaskProgress';
import { ProgressBar } from './ProgressBar';

/**
 * The progress bar of a running task (nothing once it is done): its latest
 * `task.progress` report, `label` until the first arrives, and Cancel —
 * which asks the service to stop it — unless `cancellable` is false.
 *
 * @example
 * <TaskProgressBar taskId={taskId} label="Importing plays" />
 */
export function TaskProgressBar({ taskId, label, cancellable = true }: { taskId: string | null; label: string; cancellable?: boolean }) {
  const bridge = useBridge();
  const progress = useTaskProgress(taskId);
  if (!taskId) return null;
  return (
    <ProgressBar
      label={progress?.label ?? label}
      done={progress?.done ?? 0}
      total={progress?.total ?? 0}
      {...(cancellable ? { onCancel: () => void bridge.call('task.cancel', { taskId }) } : {})}
    />
  );
}
