import type { Route } from '../../app/useHashRoute';

/** Arrange, mix and record over licensed stems. */
export function StudioPlace(_props: { route: Route }) {
  return (
    <section className="place-body" aria-labelledby="studio-title">
      <header className="place-header">
        <h1 id="studio-title">Studio</h1>
      </header>
      <p className="empty-state">Arrange, mix and record over licensed stems.</p>
    </section>
  );
}
