import { describe, expect, it } from 'vitest';
import { placePopover } from './placePopover';

const view = { width: 1400, height: 800 };
const inside = (p: { left: number; top: number }, size: { width: number; height: number }) =>
  p.left >= 8 && p.top >= 8 && p.left + size.width <= view.width - 8 && p.top + size.height <= view.height - 8;

describe('placePopover', () => {
  const panel = { width: 280, height: 300 };

  it('puts a panel above its anchor, left edges aligned', () => {
    expect(placePopover({ left: 10, top: 500, right: 110, bottom: 520 }, panel, view, 'above')).toEqual({ left: 10, top: 196 });
  });

  it('goes below when there is no room above, and stays inside the view at the right edge', () => {
    const p = placePopover({ left: 1300, top: 100, right: 1390, bottom: 120 }, panel, view, 'above');
    expect(p).toEqual({ left: 1400 - 8 - 280, top: 124 });
    expect(inside(p, panel)).toBe(true);
  });

  it('a tooltip goes right of its anchor, else left, moved up to fit', () => {
    const tip = { width: 380, height: 90 };
    expect(placePopover({ left: 200, top: 300, right: 390, bottom: 330 }, tip, view, 'beside')).toEqual({ left: 398, top: 300 });
    expect(placePopover({ left: 1100, top: 300, right: 1290, bottom: 330 }, tip, view, 'beside')).toEqual({ left: 712, top: 300 });
    expect(placePopover({ left: 200, top: 780, right: 390, bottom: 795 }, tip, view, 'beside').top).toBe(800 - 8 - 90);
  });

  it('a popover larger than the view is pinned to its top left margin', () => {
    expect(placePopover({ left: 500, top: 400, right: 600, bottom: 420 }, { width: 2000, height: 1000 }, view, 'above')).toEqual({ left: 8, top: 8 });
  });
});
