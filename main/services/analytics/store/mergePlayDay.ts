import { PlayDayScratch, type PlayDay } from './PlayDay';
import { mixKey } from './ListenerIds';
import type { MatchedPlays } from './MatchedPlays';

/** A stored day with an import's plays of that day added. */
export interface MergedDay {
  /** Valid until the next merge (its memory is reused). */
  readonly day: PlayDay;
  /** Plays of the stored day come first (same order); this import's new plays follow, in the order read. */
  readonly storedLength: number;
  /** Plays of this import already stored, or read twice. */
  readonly duplicates: number;
}

const scratch = new PlayDayScratch();
let slots = new Int32Array(0);
let stamps = new Int32Array(0);
let generation = 0;

/**
 * Adds the new plays of one export's day (`members`: indexes into `plays`,
 * in the order read) to its stored plays. A play equal to one already there
 * — stored, or read earlier in this import — in start time, listener and
 * time played is a duplicate: the first one wins. Found through a hash
 * table of the day's plays (reused between days), not by sorting. Flags are
 * left to the flag rules (flagTimeline), which judge the whole timeline.
 */
export function mergePlayDay(stored: PlayDay | null, plays: MatchedPlays, members: Int32Array, dayStartMs: number, importId: number): MergedDay {
  const storedLength = stored?.length ?? 0;
  const out = scratch.day(storedLength + members.length);
  const mask = prepareTable(out.length);
  if (stored) {
    out.listener.set(stored.listener);
    out.msIntoDay.set(stored.msIntoDay);
    out.msPlayed.set(stored.msPlayed);
    out.importId.set(stored.importId);
    out.country.set(stored.country);
    out.source.set(stored.source);
    out.reasonEnd.set(stored.reasonEnd);
    out.flags.set(stored.flags);
    for (let i = 0; i < storedLength; i++) {
      let slot = hashPlay(out.msIntoDay[i]!, out.listener[i]!, out.msPlayed[i]!) & mask;
      while (stamps[slot] === generation) slot = (slot + 1) & mask;
      stamps[slot] = generation;
      slots[slot] = i;
    }
  }
  let n = storedLength;
  let duplicates = 0;
  for (let m = 0; m < members.length; m++) {
    const p = members[m]!;
    const msIntoDay = plays.playedAt(p) - dayStartMs;
    const listener = plays.listener(p);
    const msPlayed = plays.msPlayed(p);
    let slot = hashPlay(msIntoDay, listener, msPlayed) & mask;
    let duplicate = false;
    while (stamps[slot] === generation) {
      const q = slots[slot]!;
      if (out.msIntoDay[q] === msIntoDay && out.listener[q] === listener && out.msPlayed[q] === msPlayed) {
        duplicate = true;
        break;
      }
      slot = (slot + 1) & mask;
    }
    if (duplicate) {
      duplicates++;
      continue;
    }
    stamps[slot] = generation;
    slots[slot] = n;
    out.listener[n] = listener;
    out.msIntoDay[n] = msIntoDay;
    out.msPlayed[n] = msPlayed;
    out.importId[n] = importId;
    out.country[n] = plays.country(p);
    out.source[n] = plays.source(p);
    out.reasonEnd[n] = plays.reasonEnd(p);
    n++;
  }
  return { day: n === out.length ? out : scratch.truncate(out, n), storedLength, duplicates };
}

/** An empty table for `count` plays (at most half full); its mask. */
function prepareTable(count: number): number {
  const size = 2 ** Math.ceil(Math.log2(Math.max(16, count * 2)));
  if (size > slots.length) {
    slots = new Int32Array(size);
    stamps = new Int32Array(size);
    generation = 0;
  }
  generation++;
  // Only the first `size` slots are used, so a smaller day does not pay for a bigger table.
  return size - 1;
}

function hashPlay(msIntoDay: number, listener: number, msPlayed: number): number {
  return (mixKey(listener) ^ Math.imul(msIntoDay, 0x27d4eb2d) ^ Math.imul(msPlayed, 0x165667b1)) >>> 0;
}
