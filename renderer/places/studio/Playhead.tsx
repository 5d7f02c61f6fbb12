import { useEffect, useRef, type RefObject } from 'react';
import type { StudioSession } from './StudioSession';
import { useStore } from './useStore';
import { beatToX, scrollToShow } from './timelineGeometry';

/**
 * The playhead line over the lanes: the one part of the arrangement that
 * moves every frame while playing, so it alone subscribes to the engine's
 * position. It moves by transform (no layout, no repaint of the lanes) and
 * keeps itself in view — while playing, and when it is moved (a seek, "Open
 * in studio at 0:31") — without reading layout every frame (the scroller's
 * width and scroll position are cached from its events). `inset` is the
 * part of the scroller's width the track headers cover.
 */
export function Playhead({
  session,
  bpm,
  zoom,
  scroller,
  inset,
}: {
  session: StudioSession;
  bpm: number;
  zoom: number;
  scroller: RefObject<HTMLDivElement | null>;
  inset: number;
}) {
  const x = Math.round(
    beatToX(
      useStore(session.engine.position, (p) => p.positionBeats),
      bpm,
      zoom,
    ),
  );
  const playing = useStore(session.engine.state, (s) => s.playing);
  const view = useRef({ left: 0, width: 0 });
  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const measure = () => (view.current = { left: element.scrollLeft, width: element.clientWidth });
    measure();
    const resize = new ResizeObserver(measure);
    resize.observe(element);
    element.addEventListener('scroll', measure, { passive: true });
    return () => {
      resize.disconnect();
      element.removeEventListener('scroll', measure);
    };
  }, [scroller]);
  useEffect(() => {
    const element = scroller.current;
    const { left, width } = view.current;
    if (!element || !width) return;
    const scrollLeft = scrollToShow(x, left, width - inset, playing ? 40 : 0);
    if (scrollLeft !== left) element.scrollLeft = scrollLeft;
  }, [x, playing, scroller, inset]);
  return <div className="playhead" style={{ transform: `translateX(${x}px)` }} aria-hidden="true" />;
}
