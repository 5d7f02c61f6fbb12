import { useRef, useState } from 'react';
import { allKeys } from '../../../shared/project/musicalKey';
import type { StudioSession, Snap } from './StudioSession';
import { useStore } from './useStore';
import { PositionReadout } from './PositionReadout';
import { toggleLoop, splitAtPlayhead } from './studioActions';
import { Icon } from '../../components/Icon';

/** Transport, position, tempo, key, grid, zoom and history — the studio's top bar. */
export function Toolbar({
  session,
  onHelp,
  onRevisions,
  onExport,
}: {
  session: StudioSession;
  onHelp: () => void;
  onRevisions: () => void;
  onExport?: () => void;
}) {
  const studio = useStore(session.state);
  const engine = useStore(session.engine.state);
  const doc = studio.document!;
  const recorder = useStore(session.recorder.state);
  const [bpmText, setBpmText] = useState<string | null>(null);
  const cancelBpm = useRef(false);
  const commitBpm = () => {
    if (bpmText === null) return;
    const bpm = Number(bpmText);
    setBpmText(null);
    if (Number.isFinite(bpm) && bpm !== doc.bpm) session.edit([{ type: 'setTempo', bpm: Math.round(bpm * 100) / 100 }], `Tempo ${bpm} BPM`);
  };
  return (
    <div className="toolbar" role="toolbar" aria-label="Studio">
      <div className="tool-group" role="group" aria-label="History">
        <button
          type="button"
          aria-label={studio.history.undoLabel ? `Undo ${studio.history.undoLabel}` : 'Undo'}
          title="Undo (Ctrl+Z)"
          disabled={!studio.history.canUndo}
          onClick={() => session.undo()}
        >
          <Icon name="undo" />
        </button>
        <button
          type="button"
          aria-label={studio.history.redoLabel ? `Redo ${studio.history.redoLabel}` : 'Redo'}
          title="Redo (Shift+Ctrl+Z)"
          disabled={!studio.history.canRedo}
          onClick={() => session.redo()}
        >
          <Icon name="redo" />
        </button>
      </div>
      <div className="tool-group transport" role="group" aria-label="Transport">
        <button type="button" aria-label="Return to start" title="Return to start (Home)" onClick={() => session.engine.stop()}>
          <Icon name="toStart" />
        </button>
        <button
          type="button"
          className="primary play"
          aria-label={engine.playing ? 'Pause' : 'Play'}
          title="Play / pause (Space)"
          disabled={engine.status !== 'ready'}
          onClick={() => void session.engine.togglePlay()}
        >
          <Icon name={engine.playing ? 'pause' : 'play'} />
        </button>
        <button type="button" aria-label="Stop" title="Stop: back to where play started; again: to the start" onClick={() => session.stop()}>
          <Icon name="stop" />
        </button>
        <button
          type="button"
          aria-label="Loop"
          aria-pressed={doc.loop.enabled}
          title="Loop (L)"
          className={doc.loop.enabled ? 'toggle-on' : ''}
          onClick={() => toggleLoop(session)}
        >
          <Icon name="loop" />
        </button>
        <button
          type="button"
          aria-label="Metronome"
          aria-pressed={engine.metronome}
          title="Metronome (K)"
          className={engine.metronome ? 'toggle-on' : ''}
          onClick={() => session.engine.setMetronome(!engine.metronome)}
        >
          <Icon name="metronome" />
        </button>
        <button
          type="button"
          className={`record-button${recorder.recording ? ' recording' : ''}`}
          aria-label="Record"
          aria-pressed={recorder.recording}
          title="Record on the armed track (R)"
          disabled={recorder.saving || recorder.calibrating}
          onClick={() => void session.recorder.toggle()}
        >
          <Icon name="record" />
        </button>
        <button type="button" aria-label="Split at playhead" title="Split (S)" onClick={() => splitAtPlayhead(session)}>
          <Icon name="split" />
        </button>
      </div>
      <PositionReadout session={session} beatsPerBar={doc.timeSignature[0]} underruns={engine.underruns} />
      <label className="tool-field">
        <span>BPM</span>
        <input
          type="number"
          aria-label="Tempo (BPM)"
          min={20}
          max={300}
          step={0.1}
          value={bpmText ?? String(doc.bpm)}
          onChange={(e) => setBpmText(e.target.value)}
          onBlur={() => {
            if (cancelBpm.current) cancelBpm.current = false;
            else commitBpm();
          }}
          // Enter commits, Escape reverts; both hand the keyboard back to the studio, so Space plays again.
          onKeyDown={(e) => {
            if (e.key !== 'Enter' && e.key !== 'Escape') return;
            if (e.key === 'Escape') {
              cancelBpm.current = true;
              setBpmText(null);
            }
            e.currentTarget.blur();
          }}
        />
      </label>
      <label className="tool-field">
        <span>Key</span>
        <select aria-label="Key" value={doc.key} onChange={(e) => session.edit([{ type: 'setKey', key: e.target.value }], `Key ${e.target.value}`)}>
          {allKeys.map((key) => (
            <option key={key}>{key}</option>
          ))}
        </select>
      </label>
      <label className="tool-field">
        <span>Snap</span>
        <select aria-label="Snap" value={studio.snap} onChange={(e) => session.setSnap(e.target.value as Snap)}>
          <option value="bar">Bar</option>
          <option value="beat">Beat</option>
          <option value="off">Off</option>
        </select>
      </label>
      <div className="tool-group" role="group" aria-label="Zoom">
        <button type="button" aria-label="Zoom out" title="Zoom out (−)" onClick={() => session.setZoom(studio.zoom / 1.5)}>
          <Icon name="zoomOut" />
        </button>
        <button type="button" aria-label="Zoom in" title="Zoom in (+)" onClick={() => session.setZoom(studio.zoom * 1.5)}>
          <Icon name="zoomIn" />
        </button>
      </div>
      {(engine.buffering || engine.status === 'loading') && (
        <span className="preparing" role="status">
          Loading audio…
        </span>
      )}
      <span className="toolbar-spacer" />
      {studio.saving ? <span className="muted small">saving…</span> : <span className="muted small">saved</span>}
      <button type="button" onClick={onRevisions}>
        History
      </button>
      {onExport && (
        <button type="button" className="primary" onClick={onExport}>
          Export…
        </button>
      )}
      <button type="button" aria-label="Keyboard shortcuts" title="Shortcuts (?)" onClick={onHelp}>
        ?
      </button>
    </div>
  );
}
