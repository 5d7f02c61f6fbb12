/** Votes are packed as entry · OFFSET_SPAN + (offset + OFFSET_BIAS), exact in a float64. */
export const OFFSET_BIAS = 2 ** 23;
export const OFFSET_SPAN = 2 ** 24;

/** Packs one vote: `entry` voted for reference frame − query frame = `offset`. */
export const packVote = (entry: number, offset: number): number => entry * OFFSET_SPAN + offset + OFFSET_BIAS;

/** The strongest time offset of one entry: `votes` landmarks agree on offset ± 1 frame. */
export interface OffsetPeak {
  readonly entry: number;
  readonly offset: number;
  readonly votes: number;
}

/**
 * The offset histogram of Wang (2003): sorts the packed votes and, per entry,
 * finds the offset whose window (offset − 1 … offset + 1 frames, so a copy
 * shifted by part of a hop still counts fully) holds the most votes. Returns
 * one peak per entry with at least `minVotes`, strongest first.
 *
 * @example
 * bestOffsets(Float64Array.of(packVote(3, 10), packVote(3, 11), packVote(5, -2)), 2);
 * // → [{ entry: 3, offset: 10, votes: 2 }]
 */
export function bestOffsets(votes: Float64Array, minVotes: number): OffsetPeak[] {
  votes.sort();
  const peaks: OffsetPeak[] = [];
  // Runs of equal votes: (entry, offset, count); a window of the last three runs of one entry.
  const runOffset: number[] = [];
  const runCount: number[] = [];
  let currentEntry = -1;
  let best: OffsetPeak | null = null;
  let bestAtCentre = 0;
  const flush = () => {
    if (best && best.votes >= minVotes) peaks.push(best);
    best = null;
    runOffset.length = 0;
    runCount.length = 0;
  };
  let i = 0;
  while (i < votes.length) {
    const key = votes[i]!;
    let j = i + 1;
    while (j < votes.length && votes[j] === key) j++;
    const entry = Math.floor(key / OFFSET_SPAN);
    const offset = key - entry * OFFSET_SPAN - OFFSET_BIAS;
    if (entry !== currentEntry) {
      flush();
      currentEntry = entry;
    }
    runOffset.push(offset);
    runCount.push(j - i);
    // Every window centre that this run can complete: offset − 1 and offset itself.
    for (const centre of [offset - 1, offset]) {
      let sum = 0;
      let atCentre = 0;
      for (let r = runOffset.length - 1; r >= 0 && runOffset[r]! >= centre - 1; r--) {
        if (runOffset[r]! > centre + 1) continue;
        sum += runCount[r]!;
        if (runOffset[r] === centre) atCentre = runCount[r]!;
      }
      // Equal windows: the one centred on more votes of its own (the true offset, not its neighbour).
      const current = best as OffsetPeak | null;
      if (!current || sum > current.votes || (sum === current.votes && atCentre > bestAtCentre)) {
        best = { entry, offset: centre, votes: sum };
        bestAtCentre = atCentre;
      }
    }
    if (runOffset.length > 3) {
      runOffset.shift();
      runCount.shift();
    }
    i = j;
  }
  flush();
  return peaks.sort((a, b) => b.votes - a.votes || a.entry - b.entry);
}
