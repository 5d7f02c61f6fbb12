import { useSyncExternalStore } from 'react';
import type { AudioInput } from '../../../engine/browser/record/AudioInput';
import { compTakes } from '../../../shared/project/compTakes';
import { arrangementEnd, secondsToBeats } from '../../../shared/project/timing';
import { formatDuration } from '../../app/formatDuration';
import { stemColor } from '../../../shared/project/stemColor';
import type { StudioSession } from './StudioSession';
import { useStore } from './useStore';

/**
 * Recording: the input (asked for only when the user enables it), its
 * level and monitoring, the armed track, count-in, punch in/out on the loop
 * region, latency calibration, and the armed track's takes for comping.
 */
export function RecordPanel({ session }: { session: StudioSession }) {
  const recorder = session.recorder;
  const r = useStore(recorder.state);
  const doc = useStore(session.state).document!;
  const recordTracks = doc.tracks.filter((t) => t.kind === 'record');
  const hasLoop = doc.loop.end > doc.loop.start;

  const newTrack = () => {
    const id = session.newId('trk-rec');
    if (
      session.edit(
        [
          {
            type: 'addTrack',
            track: {
              id,
              name: `Recording ${recordTracks.length + 1}`,
              color: stemColor('vocals'),
              kind: 'record',
              gainDb: 0,
              pan: 0,
              mute: false,
              solo: false,
              effects: [],
              volumeAutomation: [],
            },
          },
        ],
        'New recording track',
      )
    )
      recorder.arm(id);
  };

  return (
    <div className="record-panel" aria-label="Record">
      <section className="record-column" aria-label="Input">
        {!r.input ? (
          <>
            <button type="button" className="primary" disabled={r.opening} onClick={() => void recorder.enableInput()}>
              {r.opening ? 'Opening input…' : 'Enable input…'}
            </button>
            <p className="muted small">Stemroom asks for the microphone only now, and only for itself.</p>
          </>
        ) : (
          <>
            <label className="param">
              <span>Input</span>
              <select aria-label="Input device" value={r.input.deviceId} onChange={(e) => void recorder.enableInput(e.target.value)}>
                {r.devices.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.label}
                  </option>
                ))}
              </select>
            </label>
            {recorder.audioInput && <InputLevel input={recorder.audioInput} />}
          </>
        )}
        {r.error && (
          <p className="status-error small" role="alert">
            {r.error}
          </p>
        )}
      </section>

      <section className="record-column" aria-label="Take options">
        <label className="param">
          <span>Record on</span>
          <select aria-label="Armed track" value={r.armedTrackId ?? ''} onChange={(e) => recorder.arm(e.target.value || null)}>
            <option value="">(none)</option>
            {recordTracks.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={newTrack}>
          New recording track
        </button>
        <label className="check">
          <input type="checkbox" checked={r.countIn} onChange={(e) => recorder.setOptions({ countIn: e.target.checked })} /> Count in one bar
        </label>
        <label className="check" title={hasLoop ? 'Record only inside the loop region, with a bar of pre-roll' : 'Set a loop region on the ruler first'}>
          <input type="checkbox" checked={r.punch} disabled={!hasLoop} onChange={(e) => recorder.setOptions({ punch: e.target.checked })} /> Punch in/out on the
          loop region
        </label>
        <p className="small" role="status" aria-live="polite">
          {r.recording ? <span className="rec-dot">● Recording…</span> : r.saving ? 'Keeping the take…' : r.calibrating ? 'Calibrating…' : ''}
        </p>
      </section>

      <section className="record-column" aria-label="Latency">
        <p className="small">
          Latency <strong data-testid="latency">{r.latencyMs === null ? 'not measured' : `${r.latencyMs.toFixed(1)} ms`}</strong>
          {r.lastCalibration && (
            <span className="muted">
              {' '}
              ({r.lastCalibration.clicksHeard}/{r.lastCalibration.clicksPlayed} clicks, ±{r.lastCalibration.spreadMs.toFixed(1)} ms)
            </span>
          )}
        </p>
        <button type="button" disabled={!r.input || r.calibrating || r.recording} onClick={() => void recorder.calibrate()}>
          Calibrate latency
        </button>
        <p className="muted small">
          Connect the output to the input (or hold the microphone to the speaker): clicks are played and timed on their way back. Takes are moved earlier by
          this much.
        </p>
      </section>

      <TakeList session={session} trackId={r.armedTrackId} />
    </div>
  );
}

function InputLevel({ input }: { input: AudioInput }) {
  const state = useSyncExternalStore(input.state.subscribe, input.state.get);
  const db = state.level > 0 ? 20 * Math.log10(state.level) : -60;
  return (
    <>
      <div className="input-level" role="meter" aria-label="Input level" aria-valuemin={-60} aria-valuemax={0} aria-valuenow={Math.round(Math.max(-60, db))}>
        <span style={{ width: `${Math.max(0, (db + 60) / 60) * 100}%` }} className={db > -1 ? 'clip' : ''} />
      </div>
      <label className="check">
        <input type="checkbox" checked={state.monitoring} onChange={(e) => input.setMonitoring(e.target.checked)} /> Monitor the input (use headphones)
      </label>
    </>
  );
}

/** The armed track's takes: keep one, or use one for the loop region (comping). */
function TakeList({ session, trackId }: { session: StudioSession; trackId: string | null }) {
  const doc = useStore(session.state).document!;
  if (!trackId) return null;
  const clips = doc.clips.filter((c) => c.trackId === trackId);
  const takes = doc.sources.filter((s) => s.type === 'recording' && clips.some((c) => c.sourceId === s.id));
  if (!takes.length) return <p className="muted small record-column">No takes on this track yet. Press R (or ●) to record one.</p>;
  const hasLoop = doc.loop.end > doc.loop.start;
  const comp = (sourceId: string, from: number, to: number, label: string) =>
    session.edit(
      compTakes(doc, trackId, sourceId, from, to, () => session.newId('clip')),
      label,
    );
  return (
    <section className="record-column takes" aria-label="Takes">
      <ul>
        {takes.map((take) => {
          const heardBeats = clips.filter((c) => c.sourceId === take.id && c.active).reduce((sum, c) => sum + c.length, 0);
          return (
            <li key={take.id} aria-label={`${take.name}${heardBeats > 0 ? ', heard' : ''}`}>
              <span className={heardBeats > 0 ? 'take-heard' : 'muted'}>
                {take.name} · {formatDuration(take.durationSec)}
              </span>
              <span className="muted small">{heardBeats > 0 ? ` heard for ${formatDuration((heardBeats * 60) / doc.bpm)}` : ' not heard'}</span>
              <button
                type="button"
                className="small"
                onClick={() => comp(take.id, 0, Math.max(arrangementEnd(doc), secondsToBeats(take.durationSec, doc.bpm)), `Keep ${take.name}`)}
              >
                Keep this take
              </button>
              {hasLoop && (
                <button type="button" className="small" onClick={() => comp(take.id, doc.loop.start, doc.loop.end, `Use ${take.name} in the loop`)}>
                  Use in loop region
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
