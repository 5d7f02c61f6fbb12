import type { TaskRun } from '../hooks/useTaskRun';
import { TaskProgressBar } from './TaskProgressBar';

/**
 * The foot of a dialog that starts a long task: its progress with Cancel,
 * why it failed, then Close and the primary action (off while the task runs),
 * and a hint beside them saying what is still missing.
 *
 * @example
 * <DialogFooter task={task} action="Export" disabled={!check?.allowed} onAction={() => void start()} hint={creator ? null : 'Enter the name to credit you as.'} onClose={onClose} />
 */
export function DialogFooter({
  task,
  action,
  disabled,
  onAction,
  hint,
  onClose,
}: {
  task: TaskRun;
  action: string;
  disabled: boolean;
  onAction: () => void;
  hint: string | null;
  onClose: () => void;
}) {
  return (
    <>
      <TaskProgressBar taskId={task.taskId} label="Starting" />
      {task.failure && (
        <p className="status-error" role="alert">
          {task.failure}
        </p>
      )}
      <div className="row-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
        <button type="button" className="primary" disabled={disabled || task.taskId !== null} onClick={onAction}>
          {action}
        </button>
        {hint && <span className="muted small">{hint}</span>}
      </div>
    </>
  );
}
