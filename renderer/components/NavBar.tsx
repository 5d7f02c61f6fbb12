import { useEffect } from 'react';
import { hrefOf, navigate, places, type Place } from '../app/useHashRoute';

const labels: Record<Place, string> = { catalog: 'Catalog', studio: 'Studio', exports: 'Exports', analytics: 'Analytics' };

/** The four places; Ctrl/Cmd+1…4 jump between them. */
export function NavBar({ current }: { current: Place }) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      // The physical digit key (Digit1…4), so layouts whose digits need Shift (AZERTY) work too.
      const index = Number(/^Digit(\d)$/.exec(event.code)?.[1] ?? event.key) - 1;
      const place = places[index];
      if (place) {
        event.preventDefault();
        navigate(place);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <nav className="navbar" aria-label="Places">
      <span className="brand" aria-hidden="true">
        <span className="brand-mark">◧</span> Stemroom
      </span>
      <ul>
        {places.map((place, index) => (
          <li key={place}>
            <a href={hrefOf(place)} aria-current={place === current ? 'page' : undefined} title={`${labels[place]} (Ctrl+${index + 1})`}>
              {labels[place]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
