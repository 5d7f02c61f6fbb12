import { useLayoutEffect, useRef, useState, type HTMLAttributes, type Ref } from 'react';
import { createPortal } from 'react-dom';
import { placePopover } from './placePopover';

/** Where it is measured before it is placed: off screen but not hidden, so it can take the focus at once. */
const offscreen = { left: -10_000, top: 0 };

export interface PopoverProps extends HTMLAttributes<HTMLDivElement> {
  /** The element it belongs to, measured when it opened. */
  readonly anchor: DOMRect;
  readonly side: 'above' | 'beside';
  readonly ref?: Ref<HTMLDivElement>;
}

/**
 * Floating content drawn over the whole page (a portal into <body>, fixed
 * position), placed next to its anchor and wholly on screen: no scroll area
 * of the place it opened from can clip or cover it.
 */
export function Popover({ anchor, side, ref, className, style, children, ...attributes }: PopoverProps) {
  const element = useRef<HTMLDivElement | null>(null);
  const [place, setPlace] = useState<{ left: number; top: number } | null>(null);
  useLayoutEffect(() => {
    const box = element.current?.getBoundingClientRect();
    if (box) setPlace(placePopover(anchor, box, { width: innerWidth, height: innerHeight }, side));
  }, [anchor, side]);
  const setRef = (node: HTMLDivElement | null) => {
    element.current = node;
    if (typeof ref === 'function') ref(node);
    else if (ref) ref.current = node;
  };
  return createPortal(
    <div ref={setRef} className={`popover ${className ?? ''}`} style={{ ...style, ...(place ?? offscreen) }} {...attributes}>
      {children}
    </div>,
    document.body,
  );
}
