import type { Route } from '../../app/useHashRoute';

/** Where listeners stay and where they leave, over each export's waveform. */
export function AnalyticsPlace(_props: { route: Route }) {
  return (
    <section className="place-body" aria-labelledby="analytics-title">
      <header className="place-header">
        <h1 id="analytics-title">Analytics</h1>
      </header>
      <p className="empty-state">Where listeners stay and where they leave, over each export's waveform.</p>
    </section>
  );
}
