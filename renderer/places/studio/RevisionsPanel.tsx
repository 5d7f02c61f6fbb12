import { useRef } from 'react';
import { useBridge } from '../../app/BridgeContext';
import { useFocusTrap } from '../../components/useFocusTrap';
import { formatWhen } from '../../app/formatWhen';
import { navigate } from '../../app/useHashRoute';
import { notifications } from '../../app/Notifications';
import { useContract } from '../../hooks/useContract';
import type { StudioSession } from './StudioSession';

/** The project's saved revisions: restore one (undoable) or duplicate it into a new project. Holds the focus until closed (Escape). */
export function RevisionsPanel({ session, onClose }: { session: StudioSession; onClose: () => void }) {
  const bridge = useBridge();
  const revisions = useContract('projects.revisions', { projectId: session.projectId });
  const panel = useRef<HTMLElement>(null);
  useFocusTrap(panel, onClose);
  return (
    <aside ref={panel} className="side-panel" role="dialog" aria-label="History: saved revisions" tabIndex={-1}>
      <header>
        <h2>History</h2>
        <button type="button" className="link-button" aria-label="Close history" onClick={onClose}>
          ×
        </button>
      </header>
      <ol className="revisions">
        {revisions.value?.map((r) => (
          <li key={r.revision}>
            <div>
              <strong>{r.label}</strong>
              <span className="muted small"> {formatWhen(r.createdAt)}</span>
            </div>
            <div className="row-actions">
              <button type="button" onClick={() => session.restoreRevision(r.revision)}>
                Restore
              </button>
              <button
                type="button"
                onClick={() =>
                  bridge.call('projects.duplicate', { projectId: session.projectId, revision: r.revision }).then(
                    (copy) => navigate('studio', copy.id),
                    (error: Error) => notifications.error(error.message),
                  )
                }
              >
                Duplicate
              </button>
            </div>
          </li>
        ))}
      </ol>
    </aside>
  );
}
