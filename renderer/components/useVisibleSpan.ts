import { useEffect, useRef, useState, type RefObject } from 'react';
import { drawableSpan, type PixelSpan } from './drawableSpan';

/** The nearest ancestor that scrolls horizontally, or null (the page's own viewport then). */
function horizontalScroller(element: HTMLElement): HTMLElement | null {
  for (let e = element.parentElement; e; e = e.parentElement) {
    const overflow = getComputedStyle(e).overflowX;
    if (overflow === 'auto' || overflow === 'scroll') return e;
  }
  return null;
}

/**
 * The span of `ref`'s element worth drawing now: what its nearest
 * horizontally scrolling ancestor shows of it, plus a tile either side.
 * A waveform as wide as a 4-minute clip at a close zoom would otherwise
 * be drawn whole — two canvases of its full width (wavesurfer paints a
 * progress copy), 54 MiB for 16 such clips — while a screen shows a
 * fraction of it. Follows scrolling and resizing.
 *
 * @example
 * const span = useVisibleSpan(container); // { left: 1024, width: 2560 }
 */
export function useVisibleSpan(ref: RefObject<HTMLElement | null>): PixelSpan | null {
  const [span, setSpan] = useState<PixelSpan | null>(null);
  const remeasure = useRef<() => void>(() => undefined);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const scroller = horizontalScroller(element);
    let frame = 0;
    const measure = () => {
      frame = 0;
      const box = element.getBoundingClientRect();
      const view = scroller ? scroller.getBoundingClientRect() : { left: 0, right: window.innerWidth };
      const next = drawableSpan(box.width, view.left - box.left, view.right - box.left);
      setSpan((current) => (current && current.left === next.left && current.width === next.width ? current : next));
    };
    const schedule = () => {
      frame ||= requestAnimationFrame(measure);
    };
    remeasure.current = schedule;
    measure();
    const resizes = new ResizeObserver(schedule);
    resizes.observe(element);
    if (scroller) resizes.observe(scroller);
    (scroller ?? window).addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    return () => {
      cancelAnimationFrame(frame);
      resizes.disconnect();
      (scroller ?? window).removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
      remeasure.current = () => undefined;
    };
  }, [ref]);
  // Every render too: a clip moved by a drag changes place without a scroll or a resize.
  useEffect(() => {
    remeasure.current();
  });
  return span;
}
