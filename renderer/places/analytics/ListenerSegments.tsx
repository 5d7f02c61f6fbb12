import { METRIC_DEFINITIONS } from '../../../shared/analytics/playDefinitions';
import type { AnalyticsReport } from '../../../shared/contract/analyticsContract';

const percent = (share: number | null) => (share === null ? '—' : `${(share * 100).toFixed(1)} %`);

/** One-time vs returning listeners, the share of plays from each, and the repeat rate. */
export function ListenerSegments({ segments }: { segments: AnalyticsReport['segments'] }) {
  const { oneTime, returning, repeatRate } = segments;
  const total = Math.max(1, oneTime.plays + returning.plays);
  return (
    <section className="panel segments" aria-labelledby="segments-title">
      <h2 id="segments-title" title={METRIC_DEFINITIONS.listenerSegments}>
        Listeners
      </h2>
      <div
        className="segment-bar"
        role="img"
        aria-label={`Plays: ${percent(oneTime.shareOfPlays)} from one-time listeners, ${percent(returning.shareOfPlays)} from returning listeners`}
      >
        <span className="segment one-time" style={{ width: `${(oneTime.plays / total) * 100}%` }} />
        <span className="segment returning" style={{ width: `${(returning.plays / total) * 100}%` }} />
      </div>
      <dl className="segment-figures">
        <div>
          <dt>One-time</dt>
          <dd data-testid="segment-one-time">
            {oneTime.listeners.toLocaleString()} listeners · {percent(oneTime.shareOfPlays)} of plays
          </dd>
        </div>
        <div>
          <dt>Returning</dt>
          <dd data-testid="segment-returning">
            {returning.listeners.toLocaleString()} listeners · {percent(returning.shareOfPlays)} of plays
          </dd>
        </div>
        <div>
          <dt>Repeat rate</dt>
          <dd data-testid="segment-repeat-rate">{percent(repeatRate)}</dd>
        </div>
      </dl>
      <p className="muted small">{METRIC_DEFINITIONS.listenerSegments}</p>
    </section>
  );
}
