import type { BreakdownRow } from '../../../shared/contract/analyticsContract';

/** Plays per UTC day as columns, with completion rate as a line over them. */
export function DayChart({ days }: { days: readonly BreakdownRow[] }) {
  const most = Math.max(1, ...days.map((d) => d.plays));
  const width = 600;
  const height = 120;
  const step = width / Math.max(1, days.length);
  return (
    <figure className="day-chart" aria-label={`Plays per day, ${days.length} days`}>
      <figcaption>
        Plays per day <span className="muted small">(line: completion rate)</span>
      </figcaption>
      {days.length === 0 ? (
        <p className="muted small">No plays yet.</p>
      ) : (
        <svg viewBox={`0 0 ${width} ${height + 16}`} role="img" aria-label="Plays per day chart">
          {days.map((d, i) => (
            <rect
              key={d.key}
              x={i * step + step * 0.1}
              width={step * 0.8}
              y={height - (d.plays / most) * height}
              height={(d.plays / most) * height}
              className="day-bar"
            >
              <title>{`${d.key}: ${d.plays} plays, ${Math.round(d.completionRate * 100)} % complete`}</title>
            </rect>
          ))}
          <polyline fill="none" className="day-line" points={days.map((d, i) => `${i * step + step / 2},${height - d.completionRate * height}`).join(' ')} />
          <text x={0} y={height + 14} className="axis-label">
            {days[0]!.key}
          </text>
          <text x={width} y={height + 14} textAnchor="end" className="axis-label">
            {days.at(-1)!.key}
          </text>
        </svg>
      )}
    </figure>
  );
}
