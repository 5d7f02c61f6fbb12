import { useCallback, useState } from 'react';
import { METRIC_DEFINITIONS } from '../../../shared/analytics/playDefinitions';
import type { AnalyticsReport, Headline } from '../../../shared/contract/analyticsContract';
import { useBridge } from '../../app/BridgeContext';
import { formatDuration } from '../../app/formatDuration';
import { exportIdentity } from '../../app/exportIdentity';
import { notifications } from '../../app/Notifications';
import { BarChart } from '../../components/BarChart';
import { useContract } from '../../hooks/useContract';
import { useLibraryChanged } from '../../hooks/useLibraryChanged';
import { newTaskId } from '../../hooks/useTaskProgress';
import { TaskProgressBar } from '../../components/TaskProgressBar';
import { DayChart } from './DayChart';
import { DropOffList } from './DropOffList';
import { FlagPanel } from './FlagPanel';
import { ListenerSegments } from './ListenerSegments';
import { MomentComparison } from './MomentComparison';
import { RetentionView, type CurveSeries } from './RetentionView';

const versionColors = ['#ffb84f', '#8f7dff', '#47c98b', '#ff8fb1'];
/** Versions of one project share a title: name each by what tells it apart too. */
const versionName = (e: AnalyticsReport['export']) => `${e.title} — ${exportIdentity(e)}`;
const percent = (share: number | null) => (share === null ? '—' : `${(share * 100).toFixed(1)} %`);

/** One export's dashboard: headline figures, retention over the waveform, drop-offs, comparisons, breakdowns. */
export function AnalyticsDashboard({
  exportId,
  excludeFlagged,
  onExcludeFlagged,
}: {
  exportId: string;
  excludeFlagged: boolean;
  onExcludeFlagged: (exclude: boolean) => void;
}) {
  const report = useContract('analytics.report', { exportId, excludeFlagged });
  const reload = useCallback(() => report.reload(), [report]);
  useLibraryChanged('plays', reload);
  const r = report.value;
  if (!r) return <p className="empty-state">{report.error ?? 'Loading figures…'}</p>;

  const series: CurveSeries[] = [
    { name: versionName(r.export), color: '#4fb3ff', values: r.retention },
    ...r.versions
      .filter((v) => v.headline.plays > 0)
      .map((v, i) => ({ name: versionName(v.export), color: versionColors[i % versionColors.length]!, values: v.retention, dashed: true })),
  ];
  return (
    <div className="analytics-dashboard">
      <header className="dashboard-header">
        <div>
          <h1>{r.export.title}</h1>
          <p className="muted">
            {r.export.versionType} by {r.export.creator} · {formatDuration(r.export.durationSec)} · {exportIdentity(r.export)}
          </p>
        </div>
        <div className="row-actions">
          <label className="check" title={METRIC_DEFINITIONS.flagged}>
            <input type="checkbox" checked={excludeFlagged} onChange={(e) => onExcludeFlagged(e.target.checked)} /> Exclude artificial-looking plays (
            {r.flagged.plays.toLocaleString()}
            {r.flagged.disputed ? `, ${r.flagged.disputed.toLocaleString()} disputed` : ''})
          </label>
          <SimulateButton exportId={exportId} />
        </div>
      </header>

      {r.simulatedPlays > 0 && (
        <p className="demo-note" role="note" data-testid="demo-data">
          Demo data: {r.simulatedPlays.toLocaleString()} of these plays were simulated with “Simulate plays”. No one listened to them; import a real play log to
          see your listeners.
        </p>
      )}
      <HeadlineCards headline={r.headline} />
      {r.headline.plays > 0 && <ListenerSegments segments={r.segments} />}

      <section className="panel" aria-labelledby="retention-title">
        <h2 id="retention-title">Where listeners leave</h2>
        {r.headline.plays === 0 ? (
          <p className="muted">No plays yet. Import a play log (or Spotify streaming history) from the sidebar, or simulate plays to see how this looks.</p>
        ) : (
          <div className="retention-layout">
            <RetentionView audioSha256={r.export.audioSha256} durationSec={r.export.durationSec} series={series} dropOffs={r.dropOffs} />
            <div>
              <DropOffList report={r} />
              {r.sectionsNote && (
                <p className="muted small" role="note">
                  {r.sectionsNote}
                </p>
              )}
            </div>
          </div>
        )}
      </section>

      {(r.versions.length > 0 || r.similar) && <Comparisons report={r} />}
      <MomentComparison report={r} />

      <section className="panel breakdowns" aria-label="Breakdowns">
        <BarChart
          title="Countries"
          bars={r.breakdowns.country.slice(0, 10).map((c) => ({ key: c.key, label: c.key, value: c.plays, note: `skip ${percent(c.skipRate)}` }))}
        />
        <BarChart
          title="Sources"
          bars={r.breakdowns.source.map((s) => ({ key: s.key, label: s.key, value: s.plays, note: `complete ${percent(s.completionRate)}` }))}
        />
        <DayChart days={r.breakdowns.day} />
      </section>
      <FlagPanel report={r} />
    </div>
  );
}

function HeadlineCards({ headline: h }: { headline: Headline }) {
  const cards: [keyof typeof METRIC_DEFINITIONS, string, string][] = [
    ['plays', 'Plays', h.plays.toLocaleString()],
    ['listeners', 'Listeners', h.listeners.toLocaleString()],
    ['skipRate', 'Skip rate', percent(h.skipRate)],
    ['completionRate', 'Completion', percent(h.completionRate)],
    ['meanShare', 'Mean heard', percent(h.meanShare)],
    ['medianShare', 'Median heard', percent(h.medianShare)],
  ];
  return (
    <dl className="headline-cards">
      {cards.map(([key, label, value]) => (
        <div key={key} className="headline-card" title={METRIC_DEFINITIONS[key]}>
          <dt>{label}</dt>
          <dd data-testid={`headline-${key}`}>{value}</dd>
          <p className="muted small">{METRIC_DEFINITIONS[key]}</p>
        </div>
      ))}
    </dl>
  );
}

function Comparisons({ report }: { report: AnalyticsReport }) {
  const rows: [string, Headline][] = [
    [`${versionName(report.export)} (this)`, report.headline],
    ...report.versions.map((v): [string, Headline] => [versionName(v.export), v.headline]),
  ];
  if (report.similar)
    rows.push([`Your ${report.similar.exports} other export${report.similar.exports === 1 ? '' : 's'} of similar length`, report.similar.headline]);
  return (
    <section className="panel" aria-labelledby="compare-title">
      <h2 id="compare-title">Compared</h2>
      <table className="compare-table">
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Plays</th>
            <th scope="col">Skip</th>
            <th scope="col">Completion</th>
            <th scope="col">Mean heard</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([name, h]) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td className="mono">{h.plays.toLocaleString()}</td>
              <td className="mono">{percent(h.skipRate)}</td>
              <td className="mono">{percent(h.completionRate)}</td>
              <td className="mono">{percent(h.meanShare)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Demo data: generated plays, labelled as such in the import history. */
function SimulateButton({ exportId }: { exportId: string }) {
  const bridge = useBridge();
  const [taskId, setTaskId] = useState<string | null>(null);
  const run = async () => {
    const id = newTaskId('simulate');
    setTaskId(id);
    try {
      const summary = await bridge.call('analytics.simulate', { exportId, plays: 10_000, seed: Math.floor(Math.random() * 2 ** 31), taskId: id });
      notifications.info(`Simulated ${summary.added.toLocaleString()} plays.`);
    } catch (error) {
      notifications.error((error as Error).message);
    } finally {
      setTaskId(null);
    }
  };
  if (taskId) return <TaskProgressBar taskId={taskId} label="Simulating" cancellable={false} />;
  return (
    <button type="button" onClick={() => void run()} title="Generate 10,000 realistic plays (demo data) to see the dashboard at work">
      Simulate plays
    </button>
  );
}
