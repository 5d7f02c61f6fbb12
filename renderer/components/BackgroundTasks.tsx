import { useTaskProgress } from '../hooks/useTaskProgress';

/** The library's own background work (task ids from StemroomServices): what a first start is busy with. */
const BACKGROUND_TASKS = ['demo-catalog', 'pcm-cache'] as const;

/**
 * Status-bar progress of background work the services started by
 * themselves — importing the real-size demo song on a first start,
 * preparing the audio cache of an older library — shown while it runs.
 */
export function BackgroundTasks() {
  const demo = useTaskProgress(BACKGROUND_TASKS[0]);
  const cache = useTaskProgress(BACKGROUND_TASKS[1]);
  return (
    <>
      {[demo, cache].map((progress) =>
        progress && progress.done < progress.total ? (
          <span key={progress.taskId} className="status-item status-task" role="status" data-testid={`background-${progress.taskId}`}>
            {progress.label}
            <span
              className="status-task-track"
              role="progressbar"
              aria-label={progress.label}
              aria-valuemin={0}
              aria-valuemax={progress.total}
              aria-valuenow={progress.done}
            >
              <span className="status-task-fill" style={{ width: `${(100 * progress.done) / Math.max(1, progress.total)}%` }} />
            </span>
          </span>
        ) : null,
      )}
    </>
  );
}
