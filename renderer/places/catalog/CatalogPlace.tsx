import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Route } from '../../app/useHashRoute';
import { hrefOf, navigate } from '../../app/useHashRoute';
import { useBridge } from '../../app/BridgeContext';
import { notifications } from '../../app/Notifications';
import { useContract } from '../../hooks/useContract';
import { useLibraryChanged } from '../../hooks/useLibraryChanged';
import { CatalogFilters, emptyFilters, type FilterValues } from './CatalogFilters';
import { RecordingList } from './RecordingList';
import { RecordingPage } from './RecordingPage';
import { ImportPackage } from './ImportPackage';
import { useCatalogSearch } from './useCatalogSearch';

/** Licensed stem packages: search and filter, read credits and licences, preview stems, start a remix or a cover. */
export function CatalogPlace({ route }: { route: Route }) {
  const bridge = useBridge();
  const [filters, setFilters] = useState<FilterValues>(emptyFilters);
  const [generation, setGeneration] = useState(0);
  const [dropped, setDropped] = useState<File | null>(null);
  const [dragging, setDragging] = useState(false);
  const [starting, setStarting] = useState(false);
  const settings = useContract('settings.get', {});
  const keys = useContract('catalog.keys', {});
  const territory = settings.value?.territory;
  const search = useCatalogSearch(filters, territory, generation);
  const selectedId = route.params[0] ?? search.firstId;
  const detail = useContract('catalog.recording', selectedId ? { id: selectedId, territory } : null);
  const detailPane = useRef<HTMLElement>(null);
  // Another recording starts at its top, not where the last one was scrolled to.
  useLayoutEffect(() => {
    if (detailPane.current) detailPane.current.scrollTop = 0;
  }, [selectedId]);

  const refresh = useCallback(() => {
    setGeneration((g) => g + 1);
    keys.reload();
    detail.reload();
  }, [keys, detail]);
  useLibraryChanged('catalog', refresh);

  useEffect(() => {
    // Only while the address is still the bare catalog: the user may have gone elsewhere since the search started.
    if (!route.params[0] && search.firstId && ['', '#', '#/', hrefOf('catalog')].includes(location.hash)) navigate('catalog', search.firstId);
  }, [route.params, search.firstId]);

  // Until the picked recording's page has loaded, the page shown is the previous one: starting then would remix the wrong song.
  const stale = !!detail.value && detail.value.id !== selectedId;
  const start = async (kind: 'remix' | 'cover') => {
    if (!detail.value || stale) return;
    setStarting(true);
    try {
      const project = await bridge.call('projects.create', { recordingId: detail.value.id, kind });
      navigate('studio', project.id);
    } catch (error) {
      notifications.error((error as Error).message);
    } finally {
      setStarting(false);
    }
  };

  return (
    <div
      className={`catalog${dragging ? ' dragging' : ''}`}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('Files')) {
          e.preventDefault();
          setDragging(true);
        }
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        const file = e.dataTransfer.files[0];
        if (file) setDropped(file);
      }}
    >
      <aside className="catalog-sidebar" aria-label="Find recordings">
        <header className="place-header">
          <h1>Catalog</h1>
          <ImportPackage onImported={refresh} droppedFile={dropped} />
        </header>
        <CatalogFilters
          values={filters}
          onChange={setFilters}
          keys={keys.value ?? []}
          territory={territory}
          onTerritory={(code) => void bridge.call('settings.update', { territory: code }).then(settings.reload)}
        />
        <p className="muted small result-count" aria-live="polite" data-testid="result-count">
          {search.total.toLocaleString('en')} recording{search.total === 1 ? '' : 's'}
        </p>
        <RecordingList
          total={search.total}
          rowAt={search.rowAt}
          ensureRange={search.ensureRange}
          selectedId={selectedId}
          onSelect={(id) => navigate('catalog', id)}
        />
        {search.loaded && search.total === 0 && <p className="empty-state">Nothing matches. Loosen a filter, or import a package.</p>}
      </aside>
      <section ref={detailPane} className="catalog-detail" aria-label="Recording">
        {detail.value ? (
          <RecordingPage recording={detail.value} onStart={start} starting={starting || stale} />
        ) : (
          <p className="empty-state">{detail.error ?? (selectedId ? 'Loading…' : 'Select a recording.')}</p>
        )}
      </section>
      {dragging && <div className="drop-overlay">Drop a package .zip to import it</div>}
    </div>
  );
}
