/**
 * A vertical peak meter (0…1 linear), green to red, with a −1 dBFS line;
 * screen readers get dBFS. The coloured bar stays put and a cover over it
 * scales away (a transform: no layout, no repaint) — meters change every
 * frame while playing.
 */
export function Meter({ levels, label }: { levels: readonly number[]; label: string }) {
  const db = (v: number) => (v <= 0.000001 ? -Infinity : 20 * Math.log10(v));
  const height = (v: number) => Math.max(0, Math.min(1, (db(v) + 60) / 60));
  const peak = Math.max(...levels);
  return (
    <div
      className="meter"
      role="meter"
      aria-label={label}
      aria-valuemin={-60}
      aria-valuemax={0}
      aria-valuenow={Number.isFinite(db(peak)) ? Math.round(db(peak)) : -60}
    >
      {levels.map((level, i) => (
        <div key={i} className="meter-bar">
          <div className={`meter-fill${db(level) > -1 ? ' hot' : ''}`} />
          <div className="meter-cover" style={{ transform: `scaleY(${1 - height(level)})` }} />
        </div>
      ))}
    </div>
  );
}
