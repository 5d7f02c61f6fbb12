import { useCallback, useMemo, useState } from 'react';
import type { StudioSession } from './StudioSession';
import { useStore } from './useStore';
import { Toolbar } from './Toolbar';
import { Timeline } from './Timeline';
import { Mixer } from './Mixer';
import { ClipInspector } from './ClipInspector';
import { HelpOverlay } from './HelpOverlay';
import { RevisionsPanel } from './RevisionsPanel';
import { StemBrowser } from './StemBrowser';
import { rightsWarnings } from './rightsWarnings';
import { useStudioShortcuts } from './useStudioShortcuts';
import { useStudioAutomation } from './useStudioAutomation';
import { ExportDialog } from './ExportDialog';
import { RecordPanel } from './RecordPanel';
import { useBridge } from '../../app/BridgeContext';
import { CommandBar } from './commandBar/CommandBar';
import { CommandBarModel } from './commandBar/CommandBarModel';
import { CommandPreviewLayer } from './commandBar/CommandPreviewLayer';
import { useCommandBarShortcut } from './commandBar/useCommandBarShortcut';

/** The editor: toolbar, arrangement, and below it the mixer or the clip inspector. */
export function Studio({ session }: { session: StudioSession }) {
  const studio = useStore(session.state);
  const engineError = useStore(session.engine.state, (s) => s.error);
  const [help, setHelp] = useState(false);
  const [revisions, setRevisions] = useState(false);
  const [lower, setLower] = useState<'mixer' | 'clip' | 'record'>('mixer');
  const [exporting, setExporting] = useState(false);
  const toggleHelp = useCallback(() => setHelp((h) => !h), []);
  useStudioShortcuts(session, toggleHelp);
  const bridge = useBridge();
  const commandBar = useMemo(() => new CommandBarModel(session, bridge), [session, bridge]);
  const bar = useStore(commandBar.state);
  useCommandBarShortcut(useCallback(() => commandBar.open(), [commandBar]));
  useStudioAutomation(session);
  const doc = studio.document!;
  const open = studio.open!;
  const warnings = useMemo(() => rightsWarnings(doc, open), [doc, open]);

  return (
    <div className="studio">
      <header className="studio-title">
        <input
          className="project-name"
          aria-label="Project name"
          defaultValue={doc.name}
          key={doc.name}
          onBlur={(e) =>
            e.target.value.trim() && e.target.value !== doc.name && session.edit([{ type: 'rename', name: e.target.value.trim() }], 'Rename project')
          }
          onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
        />
        <span className="badge">{doc.kind}</span>
        <span className="muted small">
          {doc.timeSignature.join('/')} · {doc.tracks.length} tracks · {doc.clips.length} clips
        </span>
        {warnings.byTrack.size > 0 && (
          <span className="rights-summary" role="status" data-testid="rights-summary">
            ⚠ {warnings.byTrack.size} track{warnings.byTrack.size > 1 ? 's use' : ' uses'} audio the licences do not allow here
          </span>
        )}
      </header>
      <Toolbar session={session} onHelp={toggleHelp} onRevisions={() => setRevisions((r) => !r)} onExport={() => setExporting(true)} />
      {engineError && (
        <p className="engine-error" role="alert">
          {engineError}
        </p>
      )}
      <div className="studio-main">
        <StemBrowser kind={doc.kind} />
        <Timeline session={session} open={open} warnings={warnings}>
          <CommandPreviewLayer session={session} model={commandBar} />
        </Timeline>
        {revisions && <RevisionsPanel session={session} onClose={() => setRevisions(false)} />}
      </div>
      <div className="lower-panel">
        <div className="tabs" role="tablist" aria-label="Lower panel">
          <button type="button" role="tab" aria-selected={lower === 'mixer'} onClick={() => setLower('mixer')}>
            Mixer
          </button>
          <button type="button" role="tab" aria-selected={lower === 'clip'} onClick={() => setLower('clip')}>
            Clip
          </button>
          <button type="button" role="tab" aria-selected={lower === 'record'} onClick={() => setLower('record')}>
            Record
          </button>
        </div>
        {lower === 'mixer' ? <Mixer session={session} /> : lower === 'clip' ? <ClipInspector session={session} /> : <RecordPanel session={session} />}
      </div>
      {bar.open && <CommandBar model={commandBar} />}
      {help && <HelpOverlay onClose={toggleHelp} />}
      {exporting && <ExportDialog session={session} onClose={() => setExporting(false)} />}
    </div>
  );
}
