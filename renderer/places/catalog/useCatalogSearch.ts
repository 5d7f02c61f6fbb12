import { useCallback, useEffect, useRef, useState } from 'react';
import type { RecordingSummary } from '../../../shared/contract/catalogContract';
import { useBridge } from '../../app/BridgeContext';
import { notifications } from '../../app/Notifications';
import type { FilterValues } from './CatalogFilters';

const PAGE = 100;

/**
 * Paged search results for the virtualized list: pages load on demand as
 * rows scroll into view; a new query starts over (older answers are dropped).
 */
export function useCatalogSearch(filters: FilterValues, territory: string | undefined, generation: number) {
  const bridge = useBridge();
  const [total, setTotal] = useState(0);
  const [version, setVersion] = useState(0);
  const pages = useRef(new Map<number, RecordingSummary[]>());
  const requested = useRef(new Set<number>());
  const query = useRef(0);

  const request = useCallback(
    (filtersForQuery: FilterValues) => {
      const number = (text: string) => (text.trim() === '' || Number.isNaN(Number(text)) ? undefined : Number(text));
      return {
        text: filtersForQuery.text.trim() || undefined,
        bpmMin: number(filtersForQuery.bpmMin),
        bpmMax: number(filtersForQuery.bpmMax),
        key: filtersForQuery.key || undefined,
        mayRemix: filtersForQuery.mayRemix || undefined,
        mayCover: filtersForQuery.mayCover || undefined,
        territory,
      };
    },
    [territory],
  );

  const loadPage = useCallback(
    (page: number, queryNumber: number) => {
      requested.current.add(page);
      bridge.call('catalog.search', { ...request(filters), offset: page * PAGE, limit: PAGE }).then(
        (result) => {
          if (queryNumber !== query.current) return;
          pages.current.set(page, result.items);
          setTotal(result.total);
          setVersion((v) => v + 1);
        },
        (error: Error) => {
          requested.current.delete(page);
          notifications.error(error.message);
        },
      );
    },
    [bridge, filters, request],
  );

  useEffect(() => {
    const queryNumber = ++query.current;
    pages.current = new Map();
    requested.current = new Set();
    const timer = setTimeout(() => loadPage(0, queryNumber), filters.text ? 120 : 0);
    return () => clearTimeout(timer);
  }, [loadPage, filters.text, generation]);

  const ensureRange = useCallback(
    (from: number, to: number) => {
      for (let page = Math.floor(from / PAGE); page <= Math.floor(Math.max(from, to - 1) / PAGE); page++) {
        if (!requested.current.has(page)) loadPage(page, query.current);
      }
    },
    [loadPage],
  );

  const rowAt = useCallback((index: number) => pages.current.get(Math.floor(index / PAGE))?.[index % PAGE], []);
  const firstPage = pages.current.get(0);
  return { total, rowAt, ensureRange, version, firstId: firstPage?.[0]?.id, loaded: pages.current.size > 0 };
}
