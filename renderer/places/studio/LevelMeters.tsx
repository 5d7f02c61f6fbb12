import type { Track } from '../../../shared/project/documentSchema';
import type { StudioSession } from './StudioSession';
import { useStore } from './useStore';
import { Meter } from './Meter';

/**
 * Levels arrive every frame while playing; each meter subscribes to its own
 * number (in half-decibel steps, finer than a meter shows), so nothing else
 * re-renders and a steady level does not re-render the meter either.
 */
const shown = (level: number) => (level <= 1e-6 ? 0 : 10 ** (Math.round(40 * Math.log10(level)) / 40));

/** A track's level meter. */
export function TrackMeter({ session, track }: { session: StudioSession; track: Track }) {
  const level = useStore(session.engine.position, (p) => shown(p.levels.tracks[track.id] ?? 0));
  return <Meter levels={[level]} label={`Level ${track.name}`} />;
}

/** The master's stereo meter. */
export function MasterMeter({ session }: { session: StudioSession }) {
  const left = useStore(session.engine.position, (p) => shown(p.levels.master[0]));
  const right = useStore(session.engine.position, (p) => shown(p.levels.master[1]));
  return <Meter levels={[left, right]} label="Master level" />;
}
