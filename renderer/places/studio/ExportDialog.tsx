import { useEffect, useRef, useState } from 'react';
import type { ExportCheck, ExportSummary } from '../../../shared/contract/exportsContract';
import { countryName } from '../../../shared/rights/territories';
import { TerritorySelect } from '../../components/TerritorySelect';
import { useBridge } from '../../app/BridgeContext';
import { navigate } from '../../app/useHashRoute';
import { notifications } from '../../app/Notifications';
import { useTaskRun } from '../../hooks/useTaskRun';
import { DialogHeader } from '../../components/DialogHeader';
import { DialogFooter } from '../../components/DialogFooter';
import { SplitBar } from '../../components/SplitBar';
import { useFocusTrap } from '../../components/useFocusTrap';
import type { StudioSession } from './StudioSession';
import { PROJECT_SAMPLE_RATES, type ProjectSampleRate } from '../../../shared/project/projectSampleRate';
import { exportChannels, type ExportChannel } from '../../../shared/catalog/catalogPackageSchema';
import { channelName } from '../../../shared/lineage/licenceScopes';
import { ApprovalActions } from './ApprovalActions';

/**
 * "Export…": the licence check first (each refusal with what to change),
 * then the credits and splits the export will carry, options (with a
 * delivery bundle for a distributor), a progress bar with Cancel, and the
 * credit lines to paste into a distributor.
 */
export function ExportDialog({ session, onClose }: { session: StudioSession; onClose: () => void }) {
  const bridge = useBridge();
  const [territory, setTerritory] = useState<string | undefined>();
  const [creator, setCreator] = useState('');
  const [title, setTitle] = useState(session.document.name);
  const [isrc, setIsrc] = useState('');
  const [format, setFormat] = useState<'wav' | 'flac' | 'mp3'>('wav');
  const [bitDepth, setBitDepth] = useState<16 | 24>(24);
  const [sampleRate, setSampleRate] = useState<ProjectSampleRate>(session.document.sampleRate);
  const [normalize, setNormalize] = useState<number | null>(-14);
  const [channel, setChannel] = useState<ExportChannel>('streaming-distribution');
  const [bundle, setBundle] = useState<'folder' | 'zip' | null>(null);
  const [check, setCheck] = useState<ExportCheck | null>(null);
  const [recheck, setRecheck] = useState(0);
  const [result, setResult] = useState<ExportSummary | null>(null);
  const task = useTaskRun('export');
  const { setFailure } = task;
  const dialog = useRef<HTMLDivElement>(null);
  useFocusTrap(dialog, onClose);

  useEffect(() => {
    void bridge.call('settings.get', {}).then((s) => {
      setTerritory((t) => t ?? s.territory);
      setCreator((c) => c || (s.creatorName ?? ''));
    });
  }, [bridge]);

  useEffect(() => {
    if (!territory) return;
    const timer = setTimeout(() => {
      session.engine.pause();
      bridge
        .call('exports.check', { projectId: session.projectId, territory, channel, ...(creator ? { creator } : {}), ...(title ? { title } : {}) })
        .then(setCheck, (e: Error) => setFailure(e.message));
    }, 150);
    return () => clearTimeout(timer);
  }, [bridge, session, territory, channel, creator, title, recheck, setFailure]);

  const start = () =>
    task.run(async (taskId) => {
      if (creator) await bridge.call('settings.update', { creatorName: creator });
      const summary = await bridge.call('exports.start', {
        projectId: session.projectId,
        format,
        bitDepth,
        sampleRate,
        territory,
        normalizeLufs: normalize,
        title,
        creator: creator || undefined,
        isrc: isrc.trim() || undefined,
        channel,
        ...(bundle ? { bundle } : {}),
        taskId,
      });
      setResult(summary);
      notifications.info(`Exported ${summary.path}`);
    });

  return (
    <div ref={dialog} className="overlay" role="dialog" aria-modal="true" aria-labelledby="export-title" tabIndex={-1}>
      <div className="overlay-card export-dialog">
        <DialogHeader id="export-title" title={`Export “${title}”`} closeLabel="Close export" onClose={onClose} />
        {result ? (
          <section aria-label="Export finished">
            <p className="ok-text">
              Exported to <span className="mono">{result.path}</span> — ledger entry #{result.ledgerPosition}, {result.durationSec.toFixed(1)} s
              {result.loudness.integratedLufs !== null && `, ${result.loudness.integratedLufs} LUFS, ${result.loudness.truePeakDbtp} dBTP`}.
            </p>
            {result.notes.map((note, i) => (
              <p key={i} className="warning-text small" role="status">
                {note}
              </p>
            ))}
            {result.bundlePath && (
              <p className="small">
                Delivery bundle (audio, credits.json, licence terms, ledger proof, split sheet): <span className="mono">{result.bundlePath}</span>
              </p>
            )}
            <h3>Credits to paste</h3>
            <textarea
              className="credits-text"
              readOnly
              rows={Math.min(8, result.credits.length + 1)}
              value={result.credits.join('\n')}
              aria-label="Credit lines"
            />
            <div className="row-actions">
              <button type="button" onClick={() => void navigator.clipboard?.writeText(result.credits.join('\n'))}>
                Copy credits
              </button>
              <button type="button" onClick={() => void bridge.call('exports.reveal', { exportId: result.exportId })}>
                Show in folder
              </button>
              <button type="button" className="primary" onClick={() => navigate('exports', result.exportId)}>
                Open in Exports
              </button>
            </div>
          </section>
        ) : (
          <>
            <div className="export-options">
              <label className="param">
                <span>Title</span>
                <input type="text" aria-label="Title" data-autofocus value={title} onChange={(e) => setTitle(e.target.value)} />
              </label>
              <label className="param">
                <span>Credited as</span>
                <input type="text" aria-label="Credited as" placeholder="Your artist name" value={creator} onChange={(e) => setCreator(e.target.value)} />
              </label>
              <label className="param">
                <span>ISRC</span>
                <input type="text" aria-label="ISRC" placeholder="If your distributor assigned one" value={isrc} onChange={(e) => setIsrc(e.target.value)} />
              </label>
              <label className="param">
                <span>Territory</span>
                <TerritorySelect label="Territory" value={territory} onChange={setTerritory} />
              </label>
              <label className="param">
                <span>Channel</span>
                <select aria-label="Channel" value={channel} onChange={(e) => setChannel(e.target.value as ExportChannel)}>
                  {exportChannels.map((c) => (
                    <option key={c} value={c}>
                      {channelName(c)}
                    </option>
                  ))}
                </select>
              </label>
              <label className="param">
                <span>Format</span>
                <select aria-label="Format" value={format} onChange={(e) => setFormat(e.target.value as 'wav')}>
                  <option value="wav">WAV</option>
                  <option value="flac">FLAC</option>
                  <option value="mp3">MP3 (320 kbit/s)</option>
                </select>
              </label>
              {format !== 'mp3' && (
                <label className="param">
                  <span>Bit depth</span>
                  <select aria-label="Bit depth" value={bitDepth} onChange={(e) => setBitDepth(Number(e.target.value) as 16)}>
                    <option value={24}>24-bit</option>
                    <option value={16}>16-bit (dithered)</option>
                  </select>
                </label>
              )}
              <label className="param">
                <span>Sample rate</span>
                <select aria-label="Sample rate" value={sampleRate} onChange={(e) => setSampleRate(Number(e.target.value) as ProjectSampleRate)}>
                  {PROJECT_SAMPLE_RATES.map((rate) => (
                    <option key={rate} value={rate}>
                      {(rate / 1000).toLocaleString('en', { maximumFractionDigits: 1 })} kHz
                      {rate === session.document.sampleRate ? ' (project, no resampling)' : ' (resampled)'}
                    </option>
                  ))}
                </select>
              </label>
              <label className="param check">
                <input type="checkbox" checked={normalize !== null} onChange={(e) => setNormalize(e.target.checked ? -14 : null)} /> Normalize to
                <input
                  type="number"
                  aria-label="Loudness target (LUFS)"
                  min={-40}
                  max={-5}
                  step={1}
                  disabled={normalize === null}
                  value={normalize ?? -14}
                  onChange={(e) => setNormalize(Number(e.target.value))}
                />{' '}
                LUFS, true peak ≤ −1 dBTP
              </label>
              <label className="param check">
                <input
                  type="checkbox"
                  aria-label="Export with delivery bundle"
                  checked={bundle !== null}
                  onChange={(e) => setBundle(e.target.checked ? 'folder' : null)}
                />{' '}
                Export with delivery bundle
                <select
                  aria-label="Delivery bundle as"
                  disabled={bundle === null}
                  value={bundle ?? 'folder'}
                  onChange={(e) => setBundle(e.target.value as 'folder' | 'zip')}
                >
                  <option value="folder">as a folder</option>
                  <option value="zip">as one .zip</option>
                </select>
                <span className="muted small">audio, credits.json, each licence in plain words, ledger proof, split sheet (PDF)</span>
              </label>
            </div>
            {check && !check.allowed && (
              <section className="refusal" role="alert" aria-label="Export not allowed">
                <strong>This export is not allowed in {countryName(check.territory)} today:</strong>
                <ul>
                  {check.reasons.map((r, i) => (
                    <li key={i}>
                      {r.message} <em>{r.fix}</em>
                      {r.code === 'approval-missing' && r.licenceId && (
                        <ApprovalActions projectId={session.projectId} licenceId={r.licenceId} channel={channel} onImported={() => setRecheck((n) => n + 1)} />
                      )}
                    </li>
                  ))}
                </ul>
              </section>
            )}
            {check && check.unsignedPackages.length > 0 && (
              <p className="warning-text small" data-testid="unsigned-packages">
                Delivered unsigned: {check.unsignedPackages.map((p) => `"${p.title}"`).join(', ')} — no rights holder&apos;s signature proves who delivered{' '}
                {check.unsignedPackages.length === 1 ? 'it' : 'them'}. The attribution record will say so.
              </p>
            )}
            {check?.allowed && (
              <section aria-label="Rights">
                <h3>Credits</h3>
                <ul className="credit-lines">
                  {check.credits.map((line, i) => (
                    <li key={i}>{line}</li>
                  ))}
                </ul>
                {check.splits && (
                  <div className="splits">
                    <SplitBar title="Master revenue" shares={check.splits.master} />
                    <SplitBar title="Publishing revenue" shares={check.splits.publishing} />
                  </div>
                )}
              </section>
            )}
            <DialogFooter
              task={task}
              action="Export"
              disabled={!check?.allowed || !creator.trim()}
              onAction={() => void start()}
              hint={creator.trim() ? null : 'Enter the name to credit you as.'}
              onClose={onClose}
            />
          </>
        )}
      </div>
    </div>
  );
}
