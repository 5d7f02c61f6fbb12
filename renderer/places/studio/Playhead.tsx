import { useEffect, type RefObject } from 'react';
import type { StudioSession } from './StudioSession';
import { useStore } from './useStore';
import { beatToX } from './timelineGeometry';

/**
 * The playhead line over the lanes: the one part of the arrangement that
 * moves every frame while playing, so it alone subscribes to the engine's
 * position. Keeps itself in view while playing.
 */
export function Playhead({ session, bpm, zoom, scroller }: { session: StudioSession; bpm: number; zoom: number; scroller: RefObject<HTMLDivElement | null> }) {
  const x = Math.round(beatToX(useStore(session.engine.position, (p) => p.positionBeats), bpm, zoom));
  const playing = useStore(session.engine.state, (s) => s.playing);
  useEffect(() => {
    const element = scroller.current;
    if (!element || !playing) return;
    if (x > element.scrollLeft + element.clientWidth - 40 || x < element.scrollLeft) element.scrollLeft = Math.max(0, x - 80);
  }, [x, playing, scroller]);
  return <div className="playhead" style={{ left: x }} aria-hidden="true" />;
}
