import type { Route } from '../../app/useHashRoute';

/** Every export with its credits, splits and ledger verification. */
export function ExportsPlace(_props: { route: Route }) {
  return (
    <section className="place-body" aria-labelledby="exports-title">
      <header className="place-header">
        <h1 id="exports-title">Exports</h1>
      </header>
      <p className="empty-state">Every export with its credits, splits and ledger verification.</p>
    </section>
  );
}
