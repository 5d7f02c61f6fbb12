import { useCallback, useRef, useState } from 'react';
import type { PlaysImportSummary } from '../../../shared/contract/analyticsContract';
import type { Route } from '../../app/useHashRoute';
import { hrefOf } from '../../app/useHashRoute';
import { useBridge } from '../../app/BridgeContext';
import { notifications } from '../../app/Notifications';
import { ProgressBar } from '../../components/ProgressBar';
import { exportIdentity } from '../../app/exportIdentity';
import { useContract } from '../../hooks/useContract';
import { useLibraryChanged } from '../../hooks/useLibraryChanged';
import { newTaskId } from '../../hooks/useTaskProgress';
import { TaskProgressBar } from '../../components/TaskProgressBar';
import { uploadFile } from '../../media/uploadFile';
import { AnalyticsDashboard } from './AnalyticsDashboard';
import { ImportResult } from './ImportResult';
import { SpotifyListenerDialog } from './SpotifyListenerDialog';

const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)} %`);

/** Where listeners stay and where they leave, over each export's waveform. */
export function AnalyticsPlace({ route }: { route: Route }) {
  const bridge = useBridge();
  const [excludeFlagged, setExcludeFlagged] = useState(false);
  const overview = useContract('analytics.overview', { excludeFlagged });
  const reload = useCallback(() => overview.reload(), [overview]);
  useLibraryChanged('plays', reload);
  useLibraryChanged('exports', reload);
  const [upload, setUpload] = useState<{ sent: number; total: number } | null>(null);
  const [taskId, setTaskId] = useState<string | null>(null);
  const [result, setResult] = useState<PlaysImportSummary | null>(null);
  const file = useRef<HTMLInputElement>(null);
  const items = overview.value ?? [];
  const selected = route.params[0] ?? [...items].sort((a, b) => b.headline.plays - a.headline.plays)[0]?.export.id;

  const [askListener, setAskListener] = useState<File | null>(null);

  /** A JSON array is a Spotify history: ask whose it is before importing. */
  const choose = async (chosen: File) => {
    const head = await chosen.slice(0, 256).text();
    if (
      head
        .replace(/^\uFEFF/, '')
        .trimStart()
        .startsWith('[')
    )
      setAskListener(chosen);
    else void importFile(chosen);
  };

  const importFile = async (chosen: File, listener?: string) => {
    setResult(null);
    setUpload({ sent: 0, total: chosen.size });
    try {
      const uploadId = await uploadFile(chosen, (sent, total) => setUpload({ sent, total }));
      setUpload(null);
      const id = newTaskId('plays');
      setTaskId(id);
      setResult(await bridge.call('analytics.import', { source: { uploadId }, fileName: chosen.name, taskId: id, ...(listener ? { listener } : {}) }));
    } catch (error) {
      notifications.error((error as Error).message);
    } finally {
      setUpload(null);
      setTaskId(null);
    }
  };

  return (
    <div className="analytics">
      <aside className="analytics-sidebar" aria-label="Exports with plays">
        <header className="place-header">
          <h1>Analytics</h1>
        </header>
        <button type="button" className="primary" disabled={upload !== null || taskId !== null} onClick={() => file.current?.click()}>
          Import plays…
        </button>
        <input
          ref={file}
          type="file"
          hidden
          aria-label="Play log to import"
          accept=".ndjson,.jsonl,.json,.csv"
          onChange={(e) => {
            const chosen = e.target.files?.[0];
            e.target.value = '';
            if (chosen) void choose(chosen);
          }}
        />
        <p className="muted small">Stemroom play logs (NDJSON or CSV, see docs/plays-format.md) or Spotify “Extended streaming history” JSON.</p>
        {askListener && (
          <SpotifyListenerDialog
            fileName={askListener.name}
            onCancel={() => setAskListener(null)}
            onImport={(listener) => {
              const chosen = askListener;
              setAskListener(null);
              void importFile(chosen, listener);
            }}
          />
        )}
        {upload && <ProgressBar label="Uploading" done={upload.sent} total={upload.total} />}
        <TaskProgressBar taskId={taskId} label="Importing plays" />
        {result && <ImportResult summary={result} onClose={() => setResult(null)} />}
        {items.length === 0 && overview.value && (
          <p className="empty-state">No exports yet. Export a remix or cover from the Studio, then bring its plays here.</p>
        )}
        <ul className="export-list">
          {items.map((item) => (
            <li key={item.export.id}>
              <a className="export-row" href={hrefOf('analytics', item.export.id)} aria-current={item.export.id === selected}>
                <strong>{item.export.title}</strong>
                <span className="muted small">{exportIdentity(item.export)}</span>
                <span className="muted small">
                  {item.headline.plays.toLocaleString()} plays · skip {percent(item.headline.skipRate)} · complete {percent(item.headline.completionRate)}
                </span>
              </a>
            </li>
          ))}
        </ul>
      </aside>
      <section className="analytics-detail" aria-label="Dashboard">
        {selected ? (
          <AnalyticsDashboard key={selected} exportId={selected} excludeFlagged={excludeFlagged} onExcludeFlagged={setExcludeFlagged} />
        ) : (
          <p className="empty-state">Where listeners stay and where they leave, over each export&apos;s waveform.</p>
        )}
      </section>
    </div>
  );
}
