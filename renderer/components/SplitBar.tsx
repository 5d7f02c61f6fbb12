const palette = ['#4fb3ff', '#ffb84f', '#8f7dff', '#47c98b', '#ff8fb1', '#c77dff', '#9aa3b2', '#e6c84f'];

export interface SplitShare {
  readonly name: string;
  readonly role: string;
  readonly shareBp: number;
}

/** A revenue split as one stacked bar with a legend (shares in basis points, shown as %). */
export function SplitBar({ title, shares }: { title: string; shares: readonly SplitShare[] }) {
  const total = shares.reduce((a, s) => a + s.shareBp, 0);
  return (
    <figure className="split" aria-label={`${title}: ${shares.map((s) => `${s.name} ${s.shareBp / 100} %`).join(', ')}`}>
      <figcaption>
        {title} <span className="muted small">({total} bp)</span>
      </figcaption>
      <div className="split-bar" aria-hidden="true">
        {shares.map((s, i) => (
          <span
            key={`${s.name}-${s.role}`}
            style={{ width: `${(s.shareBp / 10000) * 100}%`, background: palette[i % palette.length] }}
            title={`${s.name} (${s.role}) ${s.shareBp / 100} %`}
          />
        ))}
      </div>
      <ul className="split-legend">
        {shares.map((s, i) => (
          <li key={`${s.name}-${s.role}`}>
            <span className="swatch" style={{ background: palette[i % palette.length] }} />
            {s.name} <span className="muted">{s.role}</span> <span className="mono">{(s.shareBp / 100).toFixed(2)} %</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
