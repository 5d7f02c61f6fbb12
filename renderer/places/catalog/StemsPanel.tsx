import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { RecordingDetail } from '../../../shared/contract/catalogContract';
import type { WaveformPeaks } from '../../../shared/dsp/waveformPeaks';
import { StemPreviewPlayer } from '../../../engine/browser/StemPreviewPlayer';
import { sharedAudioContext } from '../../../engine/browser/sharedAudioContext';
import { loadPeaks } from '../../media/loadPeaks';
import { Waveform } from '../../components/Waveform';
import { formatDuration } from '../../app/formatDuration';
import { notifications } from '../../app/Notifications';
import { stemColor } from '../../../shared/project/stemColor';

/** Every stem with its waveform and licence state; play them together, mute or solo while previewing. */
export function StemsPanel({ recording }: { recording: RecordingDetail }) {
  const player = useMemo(() => new StemPreviewPlayer(sharedAudioContext()), []);
  const state = useSyncExternalStore(player.state.subscribe, player.state.get);
  const [peaks, setPeaks] = useState<Record<string, WaveformPeaks>>({});

  useEffect(() => () => player.dispose(), [player]);
  useEffect(() => {
    setPeaks({});
    for (const stem of recording.stems) {
      loadPeaks(stem.sha256).then(
        (p) => setPeaks((all) => ({ ...all, [stem.id]: p })),
        (error: Error) => notifications.error(error.message),
      );
    }
    player.reset();
  }, [recording, player]);

  const ensureLoaded = async () => {
    if (state.status === 'idle' || state.status === 'error') await player.load(recording.stems.map((s) => ({ id: s.id, sha256: s.sha256 })));
  };
  const duration = Math.max(...recording.stems.map((s) => s.durationSec));
  const playing = state.status === 'playing';

  return (
    <section className="panel" aria-labelledby="stems-title">
      <h2 id="stems-title">Stems</h2>
      <div className="preview-transport">
        <button
          type="button"
          className="primary"
          aria-label={playing ? 'Pause preview' : 'Play preview'}
          disabled={state.status === 'loading'}
          onClick={async () => {
            if (playing) return player.pause();
            await ensureLoaded();
            await player.play();
          }}
        >
          {state.status === 'loading' ? 'Loading…' : playing ? '❚❚ Pause' : '▶ Play'}
        </button>
        <button type="button" aria-label="Stop preview" onClick={() => player.stop()}>
          ■
        </button>
        <span className="mono" data-testid="preview-position">
          {formatDuration(state.position)} / {formatDuration(duration)}
        </span>
        {state.error && <span className="status-error">{state.error}</span>}
      </div>
      <ul className="stem-list">
        {recording.stems.map((stem) => {
          const muted = state.muted.includes(stem.id);
          const soloed = state.soloed.includes(stem.id);
          return (
            <li key={stem.id} className={`stem-row${stem.remix.usable ? '' : ' restricted'}`} data-testid="stem-row">
              <div className="stem-info">
                <span className="stem-name">{stem.name}</span>
                <span className="muted small">
                  {stem.kind} · {stem.loudnessLufs ?? '–'} LUFS
                </span>
                <div className="stem-buttons">
                  <button
                    type="button"
                    aria-pressed={muted}
                    aria-label={`Mute ${stem.name}`}
                    className={muted ? 'toggle on-mute' : 'toggle'}
                    onClick={() => player.toggleMute(stem.id)}
                  >
                    M
                  </button>
                  <button
                    type="button"
                    aria-pressed={soloed}
                    aria-label={`Solo ${stem.name}`}
                    className={soloed ? 'toggle on-solo' : 'toggle'}
                    onClick={() => player.toggleSolo(stem.id)}
                  >
                    S
                  </button>
                </div>
                {!stem.remix.usable && (
                  <span className="stem-restriction" title={stem.remix.reason}>
                    ⚠ {stem.remix.reason}
                  </span>
                )}
              </div>
              <Waveform
                peaks={peaks[stem.id]}
                end={stem.durationSec}
                height={48}
                color={stemColor(stem.kind)}
                label={`Waveform of ${stem.name}`}
                playhead={state.position > 0 || playing ? state.position : null}
                onSeek={async (t) => {
                  await ensureLoaded();
                  player.seek(t);
                }}
              />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
