import { useState } from 'react';
import type { AnalyticsReport } from '../../../shared/contract/analyticsContract';
import { useBridge } from '../../app/BridgeContext';
import { formatDuration } from '../../app/formatDuration';
import { hrefOf } from '../../app/useHashRoute';
import { notifications } from '../../app/Notifications';

/**
 * The drop-off moments beside the curve: what changes there, whether the
 * curve has the plays for the dip to mean anything, and two ways into the
 * studio — to look ("Open in studio") or to start a new version from what
 * listeners heard ("Try a fix": the exported revision becomes a new one).
 */
export function DropOffList({ report }: { report: AnalyticsReport }) {
  const bridge = useBridge();
  const [busy, setBusy] = useState<number | null>(null);
  if (!report.dropOffs.length) return <p className="muted small drop-offs">No sharp drop-offs: listeners leave steadily.</p>;
  const tryFix = async (second: number) => {
    setBusy(second);
    try {
      const opened = await bridge.call('analytics.tryFix', { exportId: report.export.id, second });
      notifications.info(
        `Revision ${opened.revision} of the project is the exported version again: change what happens at ${formatDuration(second)}, export, and compare here.`,
      );
      location.hash = `${hrefOf('studio', opened.projectId)}?beat=${opened.beat.toFixed(3)}`;
    } catch (error) {
      notifications.error((error as Error).message);
    } finally {
      setBusy(null);
    }
  };
  return (
    <div>
      <ol className="drop-offs" aria-label="Drop-off moments">
        {report.dropOffs.map((d) => (
          <li key={d.second} className={d.significant ? undefined : 'not-significant'}>
            <strong className="mono">{formatDuration(d.second)}</strong> — {(d.lostShare * 100).toFixed(1)} % of plays end here
            {!d.significant && (
              <span className="badge" title={report.dropOffRule.text}>
                not significant
              </span>
            )}
            {d.section && <span className="muted"> · {d.section}</span>}
            {d.leaving.length > 0 && (
              <div className="small">
                {d.leaving.join(', ')} {d.leaving.length === 1 ? 'drops' : 'drop'} out
              </div>
            )}
            {d.entering.length > 0 && (
              <div className="small">
                {d.entering.join(', ')} {d.entering.length === 1 ? 'comes' : 'come'} in
              </div>
            )}
            <div className="row-actions small">
              <a className="button-link small" href={`${hrefOf('studio', report.export.projectId)}?beat=${d.beat.toFixed(3)}`}>
                Open in studio at {formatDuration(d.second)}
              </a>
              <button
                type="button"
                className="small"
                disabled={busy !== null}
                onClick={() => void tryFix(d.second)}
                aria-label={`Try a fix at ${formatDuration(d.second)}`}
              >
                Try a fix
              </button>
            </div>
          </li>
        ))}
      </ol>
      {!report.dropOffRule.enoughPlays && (
        <p className="muted small" role="note">
          {report.dropOffRule.text}
        </p>
      )}
    </div>
  );
}
