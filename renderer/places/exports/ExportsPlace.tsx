import { useCallback, useRef, useState } from 'react';
import type { Inspection } from '../../../shared/contract/exportsContract';
import type { Route } from '../../app/useHashRoute';
import { hrefOf, navigate } from '../../app/useHashRoute';
import { useBridge } from '../../app/BridgeContext';
import { notifications } from '../../app/Notifications';
import { formatDuration } from '../../app/formatDuration';
import { exportIdentity } from '../../app/exportIdentity';
import { useContract } from '../../hooks/useContract';
import { useLibraryChanged } from '../../hooks/useLibraryChanged';
import { uploadFile } from '../../media/uploadFile';
import { ExportDetail } from './ExportDetail';

const stateLabels = { ok: 'intact', missing: 'file missing', modified: 'audio changed' } as const;

/** Every export with its credits, splits and verification state; the ledger check; inspecting any file. */
export function ExportsPlace({ route }: { route: Route }) {
  const bridge = useBridge();
  const list = useContract('exports.list', {});
  const reload = useCallback(() => list.reload(), [list]);
  useLibraryChanged('exports', reload);
  const selected = route.params[0] ?? list.value?.[0]?.id;
  const [ledger, setLedger] = useState<{ ok: boolean; text: string } | null>(null);
  const [inspection, setInspection] = useState<Inspection | null>(null);
  const file = useRef<HTMLInputElement>(null);

  const verify = async () => {
    const result = await bridge.call('ledger.verify', {});
    setLedger({
      ok: result.ok,
      text: result.ok
        ? `Ledger intact: ${result.entries} ${result.entries === 1 ? 'entry' : 'entries'}, chain head ${result.headHash?.slice(0, 16) ?? '—'}…`
        : `Ledger broken at entry ${result.firstBadPosition}: ${result.problem}`,
    });
  };

  return (
    <div className="exports">
      <aside className="exports-sidebar" aria-label="Exports">
        <header className="place-header">
          <h1>Exports</h1>
        </header>
        <div className="row-actions">
          <button type="button" onClick={() => void verify()}>
            Verify ledger
          </button>
          <button type="button" onClick={() => file.current?.click()}>
            Inspect a file…
          </button>
          <input
            ref={file}
            type="file"
            hidden
            aria-label="File to inspect"
            accept=".wav,.flac,.mp3"
            onChange={(e) => {
              const chosen = e.target.files?.[0];
              e.target.value = '';
              if (!chosen) return;
              uploadFile(chosen, () => undefined)
                .then((uploadId) => bridge.call('exports.inspect', { source: { uploadId } }))
                .then(setInspection, (error: Error) => notifications.error(error.message));
            }}
          />
        </div>
        {ledger && (
          <p className={ledger.ok ? 'ok-text' : 'status-error'} role="status" data-testid="ledger-status">
            {ledger.text}
          </p>
        )}
        {list.value?.length === 0 && <p className="empty-state">No exports yet. Open a project in the Studio and press Export….</p>}
        <ul className="export-list">
          {list.value?.map((e) => (
            <li key={e.id}>
              <a href={hrefOf('exports', e.id)} aria-current={e.id === selected ? 'true' : undefined} className="export-row">
                <span className="recording-title">{e.title}</span>
                <span className="muted small">
                  {e.versionType} · {formatDuration(e.durationSec)} · {exportIdentity(e)}
                </span>
                <span className={`badge ${e.fileState === 'ok' ? 'ok' : 'no'}`}>{stateLabels[e.fileState]}</span>
              </a>
            </li>
          ))}
        </ul>
      </aside>
      <section className="exports-detail" aria-label="Export">
        {inspection && <InspectionView inspection={inspection} onClose={() => setInspection(null)} />}
        {selected ? <ExportDetail exportId={selected} /> : <p className="empty-state">Select an export.</p>}
      </section>
    </div>
  );
}

function InspectionView({ inspection, onClose }: { inspection: Inspection; onClose: () => void }) {
  const verdict = inspection.hasRecord && inspection.audioMatches && inspection.ledger === 'matches';
  return (
    <div className={`panel inspection ${verdict ? 'good' : 'bad'}`} role="status" aria-label="Inspection">
      <header>
        <h2>Inspected file</h2>
        <button type="button" className="link-button" aria-label="Close inspection" onClick={onClose}>
          ×
        </button>
      </header>
      <p>{inspection.record ? `${inspection.record.output.title} — export ${inspection.record.exportId}` : 'No Stemroom attribution record in this file.'}</p>
      <p className={verdict ? 'ok-text' : 'status-error'}>
        {verdict ? 'Authentic: the audio matches its record and this library’s ledger holds the entry.' : inspection.problems.join(' ')}
      </p>
      {inspection.record && (
        <button type="button" onClick={() => navigate('exports', inspection.record!.exportId)}>
          Show this export
        </button>
      )}
    </div>
  );
}
