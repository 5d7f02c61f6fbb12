/** A labelled progress bar; indeterminate until a total is known. */
export function ProgressBar({ label, done, total, onCancel }: { label: string; done: number; total: number; onCancel?: () => void }) {
  const share = total > 0 ? Math.min(1, done / total) : undefined;
  return (
    <div className="progress" role="group" aria-label={label}>
      <div className="progress-label">
        <span>{label}</span>
        {share !== undefined && <span className="muted">{Math.round(share * 100)} %</span>}
        {onCancel && (
          <button type="button" className="link-button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
      <div className="progress-track" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={share === undefined ? undefined : Math.round(share * 100)} aria-label={label}>
        <div className={`progress-fill${share === undefined ? ' indeterminate' : ''}`} style={{ width: `${(share ?? 0.3) * 100}%` }} />
      </div>
    </div>
  );
}
