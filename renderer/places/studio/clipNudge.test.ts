import { describe, expect, it } from 'vitest';
import { FINE_NUDGE_BEATS, nudgedStart, nudgeStep } from './clipNudge';

describe('clip nudge', () => {
  it.each([
    ['bar', 4, false, 4],
    ['bar', 3, false, 3],
    ['beat', 4, false, 1],
    ['off', 4, false, 1],
    ['bar', 4, true, FINE_NUDGE_BEATS],
    ['off', 7, true, FINE_NUDGE_BEATS],
  ] as const)('snap %s in %i/4, fine %s: %d beats', (snap, beatsPerBar, fine, step) => {
    expect(nudgeStep(snap, beatsPerBar, fine)).toBe(step);
  });

  it('moves by the step, keeps the offset from the grid, stops at the start of the song', () => {
    expect(nudgedStart(0, 1, 1)).toBe(1);
    expect(nudgedStart(1, 1, 0.25)).toBe(1.25);
    expect(nudgedStart(1.25, -1, 1)).toBe(0.25);
    expect(nudgedStart(0.25, -1, 1)).toBe(0);
    expect(nudgedStart(0, -1, 0.25)).toBe(0);
  });

  it('does not drift after many fine steps', () => {
    let start = 0.1;
    for (let i = 0; i < 1000; i++) start = nudgedStart(start, 1, 0.25);
    for (let i = 0; i < 1000; i++) start = nudgedStart(start, -1, 0.25);
    expect(start).toBe(0.1);
  });
});
