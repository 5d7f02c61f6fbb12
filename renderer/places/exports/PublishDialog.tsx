import { useEffect, useState } from 'react';
import type { PublishCheck, PublishSummary } from '../../../shared/contract/lineageContract';
import type { ExportChannel, PermittedUse } from '../../../shared/catalog/catalogPackageSchema';
import { displayFingerprint } from '../../../shared/rights/displayFingerprint';
import { channelName } from '../../../shared/lineage/licenceScopes';
import { useBridge } from '../../app/BridgeContext';
import { notifications } from '../../app/Notifications';
import { useTaskRun } from '../../hooks/useTaskRun';
import { DialogHeader } from '../../components/DialogHeader';
import { DialogFooter } from '../../components/DialogFooter';

const codes = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((c) => c.trim().toUpperCase())
    .filter(Boolean);

/**
 * "Publish as a source…": one export as a signed catalog package others can
 * remix. The form starts at the widest terms the upstream licences allow
 * (anything wider is refused, naming the upstream rule); the rules carried
 * from upstream are listed and always included.
 */
export function PublishDialog({ exportId, exportPath, onClose }: { exportId: string; exportPath: string; onClose: () => void }) {
  const bridge = useBridge();
  const [check, setCheck] = useState<PublishCheck | null>(null);
  const [uses, setUses] = useState<PermittedUse[]>([]);
  const [relicense, setRelicense] = useState<PermittedUse[]>([]);
  const [include, setInclude] = useState('WORLD');
  const [exclude, setExclude] = useState('');
  const [validFrom, setValidFrom] = useState('');
  const [validUntil, setValidUntil] = useState('');
  const [channels, setChannels] = useState<ExportChannel[]>([]);
  const [approval, setApproval] = useState(false);
  const [masterShare, setMasterShare] = useState(50);
  const [publishingShare, setPublishingShare] = useState(50);
  const [stems, setStems] = useState(true);
  const [isrc, setIsrc] = useState('');
  const [out, setOut] = useState('');
  const [result, setResult] = useState<PublishSummary | null>(null);
  const task = useTaskRun('publish');
  const { setFailure } = task;

  useEffect(() => {
    void bridge.call('lineage.publishCheck', { exportId }).then(
      (c) => {
        setCheck(c);
        setUses(c.bound.uses);
        setInclude(c.bound.territories.include.join(', '));
        setExclude(c.bound.territories.exclude.join(', '));
        setValidFrom(c.bound.validFrom);
        setValidUntil(c.bound.validUntil ?? '');
        setChannels(c.bound.channels);
        setApproval(c.bound.approvalRequired);
        setStems(c.stemsUnavailable === null && c.stems.length > 0);
        setIsrc(c.isrc ?? '');
        setOut(`${exportPath.replace(/\.[a-z0-9]+$/i, '')} — source package`);
      },
      (e: Error) => setFailure(e.message),
    );
  }, [bridge, exportId, exportPath, setFailure]);

  const publish = () =>
    task.run(async (taskId) => {
      const summary = await bridge.call('lineage.publish', {
        exportId,
        terms: {
          uses,
          relicense,
          territories: { include: codes(include), exclude: codes(exclude) },
          validFrom,
          ...(validUntil ? { validUntil } : {}),
          scopes: { channels, ...(approval ? { approvalRequired: true } : {}) },
          stemRules: [],
          revenue: { master: Math.round(masterShare * 100), publishing: Math.round(publishingShare * 100) },
        },
        stems,
        out,
        ...(isrc.trim() ? { isrc: isrc.trim() } : {}),
        taskId,
      });
      setResult(summary);
      notifications.info(`Published ${summary.path}`);
    });

  const toggle = <T,>(list: T[], item: T, on: boolean) => (on ? [...new Set([...list, item])] : list.filter((x) => x !== item));
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-labelledby="publish-title">
      <div className="overlay-card export-dialog publish-dialog">
        <DialogHeader id="publish-title" title={`Publish “${check?.title ?? '…'}” as a source`} closeLabel="Close publishing" onClose={onClose} />
        {result ? (
          <section aria-label="Published">
            <p className="ok-text">
              Published to <span className="mono">{result.path}</span> as package <span className="mono">{result.packageId}</span>, signed with key{' '}
              {displayFingerprint(result.keyFingerprint)}.
            </p>
            <p className="small">
              Stems: {result.stems.join(', ')}
              {result.nullTestDb !== null && ` — they sum to the mix (residual ${result.nullTestDb} dBFS)`}; {result.ancestors} ancestor package
              {result.ancestors === 1 ? '' : 's'} carried, so any library can verify the whole chain.
            </p>
            <ul className="licence-list">
              {result.licences.map((l) => (
                <li key={l.id}>
                  <span className="mono">{l.id}</span> <span className="badge">{l.type}</span> <span className="licence-summary">{l.summary}</span>
                </li>
              ))}
            </ul>
            <div className="row-actions">
              <button type="button" className="primary" onClick={onClose}>
                Done
              </button>
            </div>
          </section>
        ) : !check ? (
          <p className="muted">{task.failure ?? 'Reading the licences upstream…'}</p>
        ) : !check.relicensable ? (
          <section className="refusal" role="alert" aria-label="Cannot be published as a source">
            <strong>This export may be released for listening, but not published as a source:</strong>
            <ul>
              {check.reasons.map((r, i) => (
                <li key={i}>{r}</li>
              ))}
            </ul>
          </section>
        ) : (
          <>
            <p className="muted small">Starts at the widest terms every licence upstream allows; anything wider is refused with the rule that forbids it.</p>
            <div className="terms-grid">
              <fieldset>
                <legend>Others may make</legend>
                {check.bound.uses.map((use) => (
                  <label key={use} className="param check">
                    <input type="checkbox" checked={uses.includes(use)} onChange={(e) => setUses(toggle(uses, use, e.target.checked))} /> {use}es
                  </label>
                ))}
              </fieldset>
              <fieldset>
                <legend>And re-license their derivatives</legend>
                {check.bound.relicense.length === 0 && <span className="muted small">Upstream allows no further re-licensing.</span>}
                {check.bound.relicense.map((use) => (
                  <label key={use} className="param check">
                    <input type="checkbox" checked={relicense.includes(use)} onChange={(e) => setRelicense(toggle(relicense, use, e.target.checked))} /> {use}es
                    may be published as sources
                  </label>
                ))}
              </fieldset>
              <label className="param">
                <span>Territories</span>
                <input type="text" aria-label="Territories included" value={include} onChange={(e) => setInclude(e.target.value)} />
              </label>
              <label className="param">
                <span>Except</span>
                <input type="text" aria-label="Territories excluded" value={exclude} onChange={(e) => setExclude(e.target.value)} />
              </label>
              <label className="param">
                <span>Valid from</span>
                <input type="date" aria-label="Valid from" value={validFrom} onChange={(e) => setValidFrom(e.target.value)} />
              </label>
              <label className="param">
                <span>Valid until</span>
                <input type="date" aria-label="Valid until" value={validUntil} onChange={(e) => setValidUntil(e.target.value)} />
              </label>
              <fieldset>
                <legend>Channels</legend>
                {check.bound.channels.map((c) => (
                  <label key={c} className="param check">
                    <input type="checkbox" checked={channels.includes(c)} onChange={(e) => setChannels(toggle(channels, c, e.target.checked))} />{' '}
                    {channelName(c)}
                  </label>
                ))}
              </fieldset>
              <fieldset>
                <legend>Revenue that flows back to you and upstream</legend>
                <label className="param">
                  <span>Master %</span>
                  <input
                    type="number"
                    aria-label="Master revenue share (%)"
                    min={0}
                    max={100}
                    value={masterShare}
                    onChange={(e) => setMasterShare(Number(e.target.value))}
                  />
                </label>
                <label className="param">
                  <span>Publishing %</span>
                  <input
                    type="number"
                    aria-label="Publishing revenue share (%)"
                    min={0}
                    max={100}
                    value={publishingShare}
                    onChange={(e) => setPublishingShare(Number(e.target.value))}
                  />
                </label>
              </fieldset>
              <label className="param check">
                <input type="checkbox" checked={approval} disabled={check.bound.approvalRequired} onChange={(e) => setApproval(e.target.checked)} /> Every
                export needs my approval
              </label>
              <label className="param check">
                <input type="checkbox" checked={stems} disabled={check.stemsUnavailable !== null} onChange={(e) => setStems(e.target.checked)} /> Include
                per-track stems ({check.stems.map((s) => s.name).join(', ') || 'none'})
              </label>
              {check.stemsUnavailable && <p className="muted small">{check.stemsUnavailable}</p>}
              <label className="param">
                <span>ISRC</span>
                <input type="text" aria-label="ISRC of the derivative" value={isrc} placeholder="CC-XXX-YY-NNNNN" onChange={(e) => setIsrc(e.target.value)} />
              </label>
              <label className="param">
                <span>Package folder</span>
                <input type="text" aria-label="Package folder" value={out} onChange={(e) => setOut(e.target.value)} />
              </label>
            </div>
            {check.bound.inheritedRules.length > 0 && (
              <p className="inherited" data-testid="inherited-rules">
                Carried from upstream (always part of your licence): {check.bound.inheritedRules.join('; ')}.
              </p>
            )}
            <DialogFooter
              task={task}
              action="Publish"
              disabled={uses.length === 0 || channels.length === 0 || !isrc.trim() || !out.trim()}
              onAction={() => void publish()}
              hint={isrc.trim() ? null : 'A source needs an ISRC.'}
              onClose={onClose}
            />
          </>
        )}
      </div>
    </div>
  );
}
