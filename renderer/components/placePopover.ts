export interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

export interface Size {
  readonly width: number;
  readonly height: number;
}

const MARGIN = 8;

/**
 * Where a popover of `size` goes beside `anchor` in a view of `view`:
 * `above` it (below when there is no room above), or `beside` it (right,
 * else left) — always wholly inside the view, MARGIN px from its edges, so
 * nothing can clip it.
 *
 * @example placePopover({ left: 10, top: 500, right: 110, bottom: 520 }, { width: 280, height: 300 }, { width: 1400, height: 800 }, 'above') // { left: 10, top: 196 }
 */
export function placePopover(anchor: Box, size: Size, view: Size, side: 'above' | 'beside'): { left: number; top: number } {
  const clamp = (value: number, length: number, room: number) => Math.max(MARGIN, Math.min(value, room - MARGIN - length));
  if (side === 'above') {
    const above = anchor.top - 4 - size.height;
    const top = above >= MARGIN ? above : anchor.bottom + 4;
    return { left: clamp(anchor.left, size.width, view.width), top: clamp(top, size.height, view.height) };
  }
  const right = anchor.right + MARGIN;
  const left = right + size.width <= view.width - MARGIN ? right : anchor.left - MARGIN - size.width;
  return { left: clamp(left, size.width, view.width), top: clamp(anchor.top, size.height, view.height) };
}
