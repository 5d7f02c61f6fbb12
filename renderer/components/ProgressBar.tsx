import { progressShare } from './progressShare';

/**
 * A labelled progress bar; indeterminate until a total is known, and for a
 * step reported as "0 of 1" (started, progress not measured) — so the text
 * never says "0 %" over a bar that moves. The fill and the percentage come
 * from one number and the fill does not animate, so they agree at every frame.
 */
export function ProgressBar({ label, done, total, onCancel }: { label: string; done: number; total: number; onCancel?: () => void }) {
  const share = progressShare(done, total);
  const percent = share === undefined ? undefined : Math.round(share * 100);
  return (
    <div className="progress" role="group" aria-label={label}>
      <div className="progress-label">
        <span>{label}</span>
        {percent !== undefined && <span className="muted">{percent} %</span>}
        {onCancel && (
          <button type="button" className="link-button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
      <div className="progress-track" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-label={label}>
        <div className={`progress-fill${share === undefined ? ' indeterminate' : ''}`} style={{ width: `${share === undefined ? 30 : percent}%` }} />
      </div>
    </div>
  );
}
