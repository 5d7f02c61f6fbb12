import type { Route } from '../../app/useHashRoute';

/** Licensed stem packages in your library: browse credits and licences, preview stems, start a remix or a cover. */
export function CatalogPlace(_props: { route: Route }) {
  return (
    <section className="place-body" aria-labelledby="catalog-title">
      <header className="place-header">
        <h1 id="catalog-title">Catalog</h1>
      </header>
      <p className="empty-state">Licensed stem packages in your library: browse credits and licences, preview stems, start a remix or a cover.</p>
    </section>
  );
}
