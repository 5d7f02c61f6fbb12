export interface Bar {
  readonly key: string;
  readonly label: string;
  readonly value: number;
  /** Shown after the bar, e.g. "skip 31 %". */
  readonly note?: string;
}

/** Horizontal bars with their values: for breakdowns people compare at a glance. */
export function BarChart({ title, bars, format = (v) => v.toLocaleString() }: { title: string; bars: readonly Bar[]; format?: (value: number) => string }) {
  const most = Math.max(1, ...bars.map((b) => b.value));
  return (
    <figure className="bar-chart" aria-label={title}>
      <figcaption>{title}</figcaption>
      {bars.length === 0 ? (
        <p className="muted small">No plays yet.</p>
      ) : (
        <ul>
          {bars.map((b) => (
            <li key={b.key} aria-label={`${b.label}: ${format(b.value)}${b.note ? `, ${b.note}` : ''}`}>
              <span className="bar-label">{b.label}</span>
              <span className="bar-track">
                <span className="bar-fill" style={{ width: `${(b.value / most) * 100}%` }} />
              </span>
              <span className="bar-value mono">{format(b.value)}</span>
              {b.note && <span className="bar-note muted small">{b.note}</span>}
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}
