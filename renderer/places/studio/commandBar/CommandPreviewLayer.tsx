import { useMemo } from 'react';
import { LANE_HEIGHT } from '../ClipView';
import type { StudioSession } from '../StudioSession';
import { beatToX } from '../timelineGeometry';
import { useStore } from '../useStore';
import type { CommandBarModel } from './CommandBarModel';
import { previewChanges } from './previewChanges';

/**
 * Ghosts of the highlighted candidate over the timeline's lanes: clips as
 * the candidate would leave them (dashed; hatched where they would fall
 * silent, red where deleted), badges on tracks it changes, the loop and
 * markers it sets. Drawn from the candidate's document; nothing is written.
 */
export function CommandPreviewLayer({ session, model }: { session: StudioSession; model: CommandBarModel }) {
  const bar = useStore(model.state);
  const { zoom } = useStore(session.state);
  const preview = bar.open ? bar.preview : null;
  const changes = useMemo(() => (preview ? previewChanges(preview.before, preview.after) : null), [preview]);
  if (!preview || !changes) return null;
  const bpm = preview.before.bpm;
  const x = (beat: number) => beatToX(beat, bpm, zoom);
  return (
    <div className="command-preview" data-testid="command-preview" aria-hidden="true">
      {changes.tracks.map((track) => (
        <div key={`t-${track.lane}`} className={`ghost-lane${track.added ? ' added' : ''}`} style={{ top: track.lane * LANE_HEIGHT, height: LANE_HEIGHT }}>
          <span className="ghost-badge">
            {track.added ? `${track.name}: ` : ''}
            {track.tags.join(' · ')}
          </span>
        </div>
      ))}
      {changes.loop && <div className="ghost-loop" style={{ left: x(changes.loop.start), width: x(changes.loop.end - changes.loop.start) }} />}
      {changes.markers.map((m) => (
        <div key={`m-${m.name}-${m.beat}`} className={`ghost-marker ${m.kind}`} style={{ left: x(m.beat) }}>
          <span>{m.kind === 'removed' ? `− ${m.name}` : m.name}</span>
        </div>
      ))}
      {changes.clips.map((ghost) => (
        <div
          key={`c-${ghost.clip.id}-${ghost.kind}`}
          className={`ghost-clip ${ghost.kind}`}
          data-testid="ghost-clip"
          data-ghost={ghost.kind}
          style={{ top: ghost.lane * LANE_HEIGHT + 4, height: LANE_HEIGHT - 8, left: x(ghost.clip.start), width: Math.max(3, x(ghost.clip.length)) }}
        >
          <span className="ghost-tags">{ghost.tags.join(' · ')}</span>
        </div>
      ))}
    </div>
  );
}
