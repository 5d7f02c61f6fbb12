/** A horizontal span of an element, in CSS pixels from its left edge. */
export interface PixelSpan {
  readonly left: number;
  readonly width: number;
}

/** Spans snap to tiles this wide, so scrolling redraws only when a tile edge is crossed. */
export const TILE_PX = 256;

/**
 * The part of `span` (from 0 to `width`) worth drawing inside a viewport
 * from `viewLeft` to `viewRight` (all in the element's coordinates): what
 * is visible plus one tile either side, widened to whole tiles.
 *
 * @example
 * drawableSpan(20_000, 3000, 4400); // { left: 2560, width: 2304 }
 */
export function drawableSpan(width: number, viewLeft: number, viewRight: number): PixelSpan {
  const left = Math.max(0, Math.floor((viewLeft - TILE_PX) / TILE_PX) * TILE_PX);
  const right = Math.min(width, Math.ceil((viewRight + TILE_PX) / TILE_PX) * TILE_PX);
  return right > left ? { left, width: right - left } : { left: 0, width: 0 };
}
