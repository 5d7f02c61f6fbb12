import { formatDuration } from '../../app/formatDuration';
import type { StudioSession } from './StudioSession';
import { useStore } from './useStore';
import { formatBarsBeats } from './timelineGeometry';

/**
 * Bars.beats.sixteenths and time of the playhead (counting down through a
 * count-in), and how many times audio did not arrive in time. Subscribes
 * to the two readouts only: a frame's position change re-renders this and
 * nothing around it.
 */
export function PositionReadout({ session, beatsPerBar, underruns }: { session: StudioSession; beatsPerBar: number; underruns: number }) {
  const bars = useStore(session.engine.position, (p) => formatBarsBeats(p.positionBeats, beatsPerBar));
  const time = useStore(session.engine.position, (p) => formatDuration(p.positionSeconds, true));
  return (
    <output className="position" aria-label="Position" data-testid="position">
      <span className="bars">{bars}</span>
      <span className="time">{time}</span>
      <span
        className={`underruns${underruns > 0 ? ' warn' : ''}`}
        data-testid="underruns"
        aria-label={`Buffer underruns: ${underruns}`}
        title="Buffer underruns: moments when a clip's audio did not arrive in time and played as silence"
      >
        {underruns} dropout{underruns === 1 ? '' : 's'}
      </span>
    </output>
  );
}
