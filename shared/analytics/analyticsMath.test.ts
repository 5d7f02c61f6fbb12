import { describe, expect, it } from 'vitest';
import { findDropOffs } from './findDropOffs';
import { labelMoment } from './labelMoment';
import { medianEndSecond, retentionCurve } from './retentionCurve';

describe('retention curve and median', () => {
  it('computes from the histogram of end seconds', () => {
    // Plays ending in seconds 0, 2, 2, 5 of a 6-second track.
    const ended = [1, 0, 2, 0, 0, 1, 0];
    expect(retentionCurve(ended, 4)).toEqual([1, 0.75, 0.75, 0.25, 0.25, 0.25, 0]);
    expect(medianEndSecond(ended, 4)).toBe(2);
    expect(medianEndSecond([1, 0, 0, 1], 2)).toBe(1.5);
    expect(medianEndSecond([0, 0, 3], 3)).toBe(2);
    expect(medianEndSecond([0, 0], 0)).toBeNull();
    expect(retentionCurve([0, 0, 0], 0)).toEqual([0, 0, 0]);
  });
});

describe('findDropOffs', () => {
  const curve = (dips: Record<number, number>, length = 120) => {
    const values: number[] = [];
    let r = 1;
    for (let t = 0; t < length; t++) {
      values.push(r);
      r -= 0.002 + (dips[t] ?? 0);
    }
    return values;
  };

  it('finds the sharpest dips, biggest first, at least 10 s apart', () => {
    const found = findDropOffs(curve({ 40: 0.05, 41: 0.02, 80: 0.08, 85: 0.01 }));
    expect(found.map((d) => d.second)).toEqual([80, 40]);
    expect(found[0]!.lostShare).toBeCloseTo(0.08 + 3 * 0.002, 9);
  });

  it('ignores the first and last five seconds and a steady decline', () => {
    expect(findDropOffs(curve({ 2: 0.3, 117: 0.3 }))).toEqual([]);
    expect(findDropOffs(curve({}))).toEqual([]);
    expect(findDropOffs([1, 0.5])).toEqual([]);
  });
});

describe('labelMoment', () => {
  const outline = {
    markers: [
      { name: 'Intro', sec: 0 },
      { name: 'Chorus', sec: 30 },
    ],
    stems: [
      { name: 'Drums', ranges: [{ startSec: 0, endSec: 60 }] },
      {
        name: 'Bass',
        ranges: [
          { startSec: 0, endSec: 20 },
          { startSec: 20, endSec: 60 },
        ],
      },
      { name: 'Pad', ranges: [{ startSec: 31, endSec: 60 }] },
      { name: 'Vocal', ranges: [{ startSec: 0, endSec: 29 }] },
    ],
  };

  it('names the section and the stems starting or stopping there; a split clip neither enters nor leaves', () => {
    expect(labelMoment(29, 3, outline)).toEqual({ section: 'Chorus', entering: ['Pad'], leaving: ['Vocal'] });
    expect(labelMoment(19, 3, outline)).toEqual({ section: 'Intro', entering: [], leaving: [] });
  });
});
