import { useId, useState } from 'react';
import type { Track } from '../../../shared/project/documentSchema';
import { Tooltip } from '../../components/Tooltip';
import type { StudioSession } from './StudioSession';
import { setTrackFlag } from './studioActions';
import { LANE_HEIGHT } from './ClipView';
import { useStore } from './useStore';

/** A track's name and mute/solo on one row, and below them a warning when its clips use stems as their licences do not allow. */
export function TrackHeader({ session, track, selected, warning }: { session: StudioSession; track: Track; selected: boolean; warning: string | undefined }) {
  const armed = useStore(session.recorder.state).armedTrackId === track.id;
  return (
    <div
      className={`track-header${selected ? ' selected' : ''}`}
      style={{ height: LANE_HEIGHT, borderLeftColor: track.color }}
      role="group"
      aria-label={`Track ${track.name}`}
      data-testid="track-header"
      onClick={() => session.state.set({ selectedTrackId: track.id, selectedClipId: null })}
    >
      <div className="track-row">
        <input
          className="track-name"
          aria-label={`Name of track ${track.name}`}
          defaultValue={track.name}
          onBlur={(e) =>
            e.target.value.trim() &&
            e.target.value !== track.name &&
            session.edit([{ type: 'updateTrack', trackId: track.id, changes: { name: e.target.value.trim() } }], 'Rename track')
          }
          onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
        />
        <div className="track-buttons">
          <button
            type="button"
            className={`toggle${track.mute ? ' on-mute' : ''}`}
            aria-pressed={track.mute}
            aria-label={`Mute ${track.name}`}
            title="Mute (M)"
            onClick={(e) => {
              e.stopPropagation();
              setTrackFlag(session, track, 'mute', !track.mute);
            }}
          >
            M
          </button>
          <button
            type="button"
            className={`toggle${track.solo ? ' on-solo' : ''}`}
            aria-pressed={track.solo}
            aria-label={`Solo ${track.name}`}
            title="Solo (Shift+S); Alt/Ctrl-click for exclusive solo"
            onClick={(e) => {
              e.stopPropagation();
              setTrackFlag(session, track, 'solo', !track.solo, e.altKey || e.ctrlKey || e.metaKey);
            }}
          >
            S
          </button>
          {track.kind === 'record' && (
            <button
              type="button"
              className={`toggle arm${armed ? ' on-arm' : ''}`}
              aria-pressed={armed}
              aria-label={`Arm ${track.name} for recording`}
              title="Record-arm this track (R records)"
              onClick={(e) => {
                e.stopPropagation();
                session.recorder.arm(armed ? null : track.id);
              }}
            >
              ●
            </button>
          )}
        </div>
      </div>
      {warning && <TrackWarning text={warning} />}
    </div>
  );
}

/** The licence warning: two lines in the header, the whole text in a tooltip on hover or keyboard focus. */
function TrackWarning({ text }: { text: string }) {
  const id = useId();
  const [anchor, setAnchor] = useState<DOMRect | null>(null);
  const show = (event: React.SyntheticEvent<HTMLElement>) => setAnchor(event.currentTarget.getBoundingClientRect());
  return (
    <>
      <p
        className="track-warning"
        role="note"
        tabIndex={0}
        aria-describedby={anchor ? id : undefined}
        onMouseEnter={show}
        onFocus={show}
        onMouseLeave={() => setAnchor(null)}
        onBlur={() => setAnchor(null)}
        onKeyDown={(event) => event.key === 'Escape' && setAnchor(null)}
      >
        ⚠ {text}
      </p>
      {anchor && (
        <Tooltip anchor={anchor} id={id}>
          ⚠ {text}
        </Tooltip>
      )}
    </>
  );
}
