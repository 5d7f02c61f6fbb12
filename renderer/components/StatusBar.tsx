import { useSyncExternalStore } from 'react';
import type { LibraryInfo } from '../../shared/contract/libraryContract';
import { notifications } from '../app/Notifications';
import { BackgroundTasks } from './BackgroundTasks';

/** Bottom bar: where the library is, its schema, and the latest message from the services. */
export function StatusBar({ info, connection }: { info: LibraryInfo | null; connection: string }) {
  const notices = useSyncExternalStore(notifications.subscribe, notifications.snapshot);
  const latest = notices.at(-1);
  return (
    <footer className="statusbar" aria-label="Status">
      <span className="status-item" data-testid="library-path" title="Library folder">
        {info ? info.dataDir : 'Opening library…'}
      </span>
      {info && (
        <span className="status-item" data-testid="schema-version">
          schema {info.schemaVersion}
        </span>
      )}
      {info && <span className="status-item">{info.host === 'electron' ? 'desktop' : 'browser host'}</span>}
      <span className="status-item">{connection}</span>
      {info && <BackgroundTasks />}
      <span className="status-spacer" />
      {latest && (
        <span role={latest.kind === 'error' ? 'alert' : 'status'} className={`status-notice status-${latest.kind}`} data-testid="status-notice">
          {latest.text}
          <button type="button" className="link-button" aria-label="Dismiss message" onClick={() => notifications.dismiss(latest.id)}>
            ×
          </button>
        </span>
      )}
      {info && <span className="status-item muted">v{info.appVersion}</span>}
    </footer>
  );
}
