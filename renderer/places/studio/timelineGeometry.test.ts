import { describe, expect, it } from 'vitest';
import { scrollToShow } from './timelineGeometry';

describe('scrollToShow', () => {
  it('leaves the view alone while the position is in it', () => {
    expect(scrollToShow(500, 0, 1000)).toBe(0);
    expect(scrollToShow(1000, 0, 1000)).toBe(0);
    expect(scrollToShow(1500, 1200, 1000)).toBe(1200);
  });

  it('brings a position off either side into view, 80 px from the left', () => {
    expect(scrollToShow(1920, 0, 1000)).toBe(1840);
    expect(scrollToShow(100, 1200, 1000)).toBe(20);
    expect(scrollToShow(40, 1200, 1000)).toBe(0);
  });

  it('while playing, turns the page before the playhead reaches the edge', () => {
    expect(scrollToShow(970, 0, 1000, 40)).toBe(890);
    expect(scrollToShow(950, 0, 1000, 40)).toBe(0);
  });
});
