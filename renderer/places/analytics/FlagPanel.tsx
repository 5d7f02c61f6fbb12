import { useState } from 'react';
import { FLAG_RULES } from '../../../shared/analytics/flagRules';
import type { AnalyticsReport, FlagCatchView, Headline } from '../../../shared/contract/analyticsContract';
import { useBridge } from '../../app/BridgeContext';
import { notifications } from '../../app/Notifications';

const percent = (share: number | null) => (share === null ? '—' : `${(share * 100).toFixed(1)} %`);
const when = (iso: string) => iso.slice(0, 16).replace('T', ' ');

/**
 * Plays that look artificial, grouped by what caught them: each group says
 * which rule and why, and can be disputed — its plays then count again,
 * and with flags excluded the figures are shown both ways.
 */
export function FlagPanel({ report }: { report: AnalyticsReport }) {
  const bridge = useBridge();
  const [busy, setBusy] = useState<string | null>(null);
  const { flagged } = report;
  if (!flagged.plays) return null;
  const dispute = async (c: FlagCatchView) => {
    setBusy(c.id);
    try {
      await bridge.call('analytics.dispute', { exportId: report.export.id, catchId: c.id, disputed: !c.disputed });
    } catch (error) {
      notifications.error((error as Error).message);
    } finally {
      setBusy(null);
    }
  };
  return (
    <section className="panel flags" aria-labelledby="flags-title">
      <h2 id="flags-title">
        {flagged.plays.toLocaleString()} plays look artificial{flagged.disputed ? ` (${flagged.disputed.toLocaleString()} disputed by you)` : ''}
      </h2>
      <p className="muted small">
        {FLAG_RULES.filter((r) => flagged.byRule[r.id])
          .map((r) => `${flagged.byRule[r.id].toLocaleString()} caught because ${r.reason}`)
          .join('; ')}
        . {report.excludeFlagged ? 'They are left out of every figure above, except those you dispute.' : 'Tick "Exclude" to leave them out of every figure.'}
      </p>
      {report.upheld && <BothWays counted={report.headline} upheld={report.upheld.headline} />}
      <table className="compare-table flag-table">
        <thead>
          <tr>
            <th scope="col">Why</th>
            <th scope="col">Who / where</th>
            <th scope="col">When (UTC)</th>
            <th scope="col">Plays</th>
            <th scope="col">
              <span className="sr-only">Dispute</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {flagged.catches.map((c) => (
            <tr key={c.id} className={c.disputed ? 'disputed' : undefined}>
              <td>{c.reason}</td>
              <td className="mono">{c.listener ? `listener ${c.listener.slice(0, 8)}…` : c.country ? `from ${c.country}` : 'many listeners'}</td>
              <td className="mono">
                {when(c.from)} – {when(c.to).slice(c.from.slice(0, 10) === c.to.slice(0, 10) ? 11 : 0)}
              </td>
              <td className="mono">{c.plays.toLocaleString()}</td>
              <td>
                <button
                  type="button"
                  className="small"
                  aria-pressed={c.disputed}
                  disabled={busy !== null}
                  onClick={() => void dispute(c)}
                  aria-label={`${c.disputed ? 'Withdraw dispute' : 'Dispute'}: ${c.plays} plays, ${c.reason}`}
                >
                  {c.disputed ? 'Disputed ✓' : 'Not artificial'}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The figures with disputed flags counted (as shown) and as if every dispute were rejected. */
function BothWays({ counted, upheld }: { counted: Headline; upheld: Headline }) {
  return (
    <table className="compare-table both-ways" aria-label="Figures both ways">
      <thead>
        <tr>
          <th scope="col">Disputed plays</th>
          <th scope="col">Plays</th>
          <th scope="col">Listeners</th>
          <th scope="col">Skip</th>
          <th scope="col">Completion</th>
        </tr>
      </thead>
      <tbody>
        {(
          [
            ['counted (as shown)', counted],
            ['left out', upheld],
          ] as const
        ).map(([name, h]) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            <td className="mono">{h.plays.toLocaleString()}</td>
            <td className="mono">{h.listeners.toLocaleString()}</td>
            <td className="mono">{percent(h.skipRate)}</td>
            <td className="mono">{percent(h.completionRate)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
