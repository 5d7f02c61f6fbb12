import { useState } from 'react';
import { useBridge } from '../../app/BridgeContext';
import { navigate } from '../../app/useHashRoute';
import { formatDuration } from '../../app/formatDuration';
import { useContract } from '../../hooks/useContract';
import { SplitBar } from '../../components/SplitBar';
import { formatIsrc, formatIswc } from '../../../shared/rights/identifiers';
import { LineageTree } from '../lineage/LineageTree';
import { PublishDialog } from './PublishDialog';

/** One export: file, credits, splits, sources, licences relied on, the decision and the ledger stamp. */
export function ExportDetail({ exportId }: { exportId: string }) {
  const bridge = useBridge();
  const shown = useContract('exports.show', { exportId });
  const [publishing, setPublishing] = useState(false);
  if (!shown.value) return <p className="empty-state">{shown.error ?? 'Loading…'}</p>;
  const { item, record } = shown.value;
  return (
    <article className="export-detail" aria-labelledby="export-heading">
      <header className="recording-header">
        <div>
          <h1 id="export-heading">{record.output.title}</h1>
          <p className="recording-artist">
            {record.output.versionType} by {record.creator.name}
          </p>
          <p className="muted mono small">
            {item.path} · {record.output.format.toUpperCase()}{' '}
            {record.output.bitDepth ? `${record.output.bitDepth}-bit` : `${record.output.bitrateKbps} kbit/s`} · {record.output.sampleRate} Hz
            {record.output.resampling && ` (resampled from ${[...new Set(record.output.resampling.conversions.map((c) => c.fromHz))].join(', ')} Hz)`} ·{' '}
            {formatDuration(record.output.durationSec)}
            {record.output.loudness.integratedLufs !== null && ` · ${record.output.loudness.integratedLufs} LUFS · ${record.output.loudness.truePeakDbtp} dBTP`}
          </p>
        </div>
        <div className="start-actions">
          <button type="button" onClick={() => void bridge.call('exports.reveal', { exportId })}>
            Reveal file
          </button>
          <button type="button" onClick={() => navigate('studio', record.project.id)}>
            Open project
          </button>
          <button type="button" onClick={() => setPublishing(true)}>
            Publish as a source…
          </button>
          <button type="button" className="primary" onClick={() => navigate('analytics', exportId)}>
            Analytics
          </button>
        </div>
      </header>
      <div className="recording-columns">
        <section className="panel" aria-label="Credits">
          <h2>Credits</h2>
          <ul className="credit-lines">
            {record.credits.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </section>
        <section className="panel" aria-label="Splits">
          <h2>Splits</h2>
          <SplitBar title="Master revenue" shares={record.splits.master} />
          <SplitBar title="Publishing revenue" shares={record.splits.publishing} />
          <details>
            <summary>How these were computed</summary>
            <ul className="small">
              {record.splits.basis.map((b, i) => (
                <li key={i}>{b}</li>
              ))}
            </ul>
          </details>
        </section>
      </div>
      <section className="panel" aria-label="Sources and licences">
        <h2>Sources and licences</h2>
        {record.sources.map((s) => (
          <div key={s.recording.id} className="source-block">
            <strong>{s.recording.title}</strong> — {s.recording.displayArtist} · ISRC {formatIsrc(s.recording.isrc)} ·{' '}
            {s.work.iswc ? `ISWC ${formatIswc(s.work.iswc)} · ` : ''}
            {s.audibleSeconds.toFixed(1)} s heard
            <div className="muted small">Stems: {s.stems.map((st) => st.name).join(', ')}</div>
          </div>
        ))}
        <ul className="licence-list">
          {record.licences.map((l) => (
            <li key={l.id} className="active">
              <div className="licence-head">
                <span className="mono">{l.id}</span>
                <span className="badge">{l.type}</span>
                <span className="muted">{l.licensor}</span>
              </div>
              <p className="licence-summary">{l.creditText}</p>
            </li>
          ))}
        </ul>
        <p className="muted small">
          Allowed in {record.decision.territory} on {record.decision.date}
          {record.decision.channel ? ` for ${record.decision.channel}` : ''}; {record.decision.rulesEvaluated.length} rules checked.
          {record.lineage &&
            ` Through ${record.lineage.ancestors.length} ancestor export${record.lineage.ancestors.length === 1 ? '' : 's'} back to ${record.lineage.originals.map((o) => `"${o.title}"`).join(', ')}.`}
        </p>
      </section>
      <LineageTree focus={{ exportId }} />
      <section className="panel" aria-label="Ledger">
        <h2>Ledger</h2>
        {record.ledger && (
          <dl className="ledger-stamp mono small">
            <dt>position</dt>
            <dd>#{record.ledger.position}</dd>
            <dt>previous</dt>
            <dd>{record.ledger.previousHash}</dd>
            <dt>payload</dt>
            <dd>{record.ledger.payloadHash}</dd>
            <dt>entry</dt>
            <dd>{record.ledger.entryHash}</dd>
            <dt>audio</dt>
            <dd>{record.output.audioSha256}</dd>
          </dl>
        )}
        <p className={item.fileState === 'ok' ? 'ok-text' : 'status-error'}>
          {item.fileState === 'ok'
            ? 'The file is in place and its audio matches this record.'
            : item.fileState === 'missing'
              ? 'The file is no longer where it was written.'
              : 'The file’s audio no longer matches this record.'}
        </p>
      </section>
      {publishing && <PublishDialog exportId={exportId} exportPath={item.path} onClose={() => setPublishing(false)} />}
    </article>
  );
}
