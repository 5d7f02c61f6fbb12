import { describe, expect, it } from 'vitest';
import { bestOffsets, packVote } from './offsetHistogram';

const votes = (...list: [number, number][]) => Float64Array.from(list, ([entry, offset]) => packVote(entry, offset));

describe('offset histogram', () => {
  it('finds the offset most votes agree on, per entry, strongest entry first', () => {
    const list: [number, number][] = [];
    for (let i = 0; i < 30; i++) list.push([4, 250]);
    for (let i = 0; i < 9; i++) list.push([4, 251]); // half a hop off: still this offset
    for (let i = 0; i < 12; i++) list.push([2, -40]);
    for (let i = 0; i < 50; i++) list.push([2, i * 7 - 100]); // scattered chance hits
    list.push([9, 3]);
    const peaks = bestOffsets(votes(...list), 5);
    expect(peaks).toEqual([
      { entry: 4, offset: 250, votes: 39 },
      { entry: 2, offset: -40, votes: 12 },
    ]);
  });

  it('sums a window of ±1 frame and centres it on the heaviest offset', () => {
    expect(bestOffsets(votes([1, 9], [1, 10], [1, 10], [1, 10], [1, 11]), 1)).toEqual([{ entry: 1, offset: 10, votes: 5 }]);
    expect(bestOffsets(votes([1, 7], [1, 7], [1, 7], [1, 10]), 1)).toEqual([{ entry: 1, offset: 7, votes: 3 }]);
    expect(bestOffsets(votes([1, 0], [1, 0], [1, 2], [1, 2]), 1)[0]!.votes).toBe(4);
  });

  it('keeps entries apart and handles negative offsets and an empty histogram', () => {
    expect(bestOffsets(votes([1, -1], [2, 0], [1, -1]), 2)).toEqual([{ entry: 1, offset: -1, votes: 2 }]);
    expect(bestOffsets(new Float64Array(0), 1)).toEqual([]);
  });
});
