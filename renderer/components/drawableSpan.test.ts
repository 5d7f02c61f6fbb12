import { describe, expect, it } from 'vitest';
import { drawableSpan, TILE_PX } from './drawableSpan';

describe('drawableSpan', () => {
  it('draws what the viewport shows plus a tile either side, in whole tiles', () => {
    expect(drawableSpan(20_000, 3000, 4400)).toEqual({ left: 2560, width: 2304 });
  });

  it('keeps within the element at both ends', () => {
    expect(drawableSpan(20_000, -500, 1000)).toEqual({ left: 0, width: 5 * TILE_PX });
    expect(drawableSpan(2000, 1500, 3000)).toEqual({ left: 1024, width: 976 });
  });

  it('draws an element narrower than the viewport whole', () => {
    expect(drawableSpan(700, -200, 1400)).toEqual({ left: 0, width: 700 });
  });

  it('draws nothing of an element scrolled out of view', () => {
    expect(drawableSpan(20_000, 30_000, 31_400)).toEqual({ left: 0, width: 0 });
    expect(drawableSpan(3000, -5000, -3600)).toEqual({ left: 0, width: 0 });
  });

  it('stays a bounded width however long the element', () => {
    for (const width of [1e4, 1e5, 1e6]) expect(drawableSpan(width, 4000, 5400).width).toBeLessThanOrEqual(1400 + 4 * TILE_PX);
  });
});
