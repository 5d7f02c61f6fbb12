import { useEffect, useState } from 'react';
import type { LibraryInfo } from '../../shared/contract/libraryContract';
import { useBridge } from './BridgeContext';
import { useHashRoute } from './useHashRoute';
import { notifications } from './Notifications';
import { NavBar } from '../components/NavBar';
import { StatusBar } from '../components/StatusBar';
import { CatalogPlace } from '../places/catalog/CatalogPlace';
import { StudioPlace } from '../places/studio/StudioPlace';
import { ExportsPlace } from '../places/exports/ExportsPlace';
import { AnalyticsPlace } from '../places/analytics/AnalyticsPlace';
import { WebSocketTransport, type ConnectionState } from '../WebSocketTransport';

/** The shell: places on top, the current place in the middle, the status bar below. */
export function App() {
  const bridge = useBridge();
  const route = useHashRoute();
  const [info, setInfo] = useState<LibraryInfo | null>(null);
  const [connection, setConnection] = useState<ConnectionState | 'desktop'>(bridge.host === 'electron' ? 'desktop' : 'connecting');

  useEffect(() => {
    const transport = bridge.transport;
    const off = transport instanceof WebSocketTransport ? transport.onStateChange(setConnection) : undefined;
    bridge.call('library.info', {}).then(setInfo, (error: Error) => notifications.error(error.message));
    const offError = bridge.on('service.error', ({ message }) => notifications.error(message));
    return () => {
      off?.();
      offError();
    };
  }, [bridge]);

  return (
    <div className="app">
      <NavBar current={route.place} />
      <main className="place" id="place" aria-live="polite">
        {route.place === 'catalog' && <CatalogPlace route={route} />}
        {route.place === 'studio' && <StudioPlace route={route} />}
        {route.place === 'exports' && <ExportsPlace route={route} />}
        {route.place === 'analytics' && <AnalyticsPlace route={route} />}
      </main>
      <StatusBar info={info} connection={connection === 'open' ? 'connected' : connection} />
    </div>
  );
}
