import {
  BURST_FROM_MS,
  BURST_MIN_PLAYS,
  BURST_MIN_SHARE,
  BURST_TO_MS,
  FLAG_BURST,
  FLAG_REPEAT,
  HOUR_MS,
  REPEAT_PLAYS_PER_DAY,
} from '../../../../shared/analytics/playDefinitions';
import type { PlayDay } from './PlayDay';
import { ListenerTally } from './ListenerTally';

const tally = new ListenerTally();
const inBurstWindow = (ms: number) => ms >= BURST_FROM_MS && ms < BURST_TO_MS;

/**
 * Sets the flags of one export's plays on one UTC day from that day alone —
 * both rules look no further than a day: a listener with
 * REPEAT_PLAYS_PER_DAY+ plays (all of them), and hours where
 * BURST_MIN_PLAYS+ plays ending at 30–32 s make up half or more of the
 * hour's plays (those plays). Judged on every play of the day, so the result
 * does not depend on which import brought which play.
 */
export function flagPlayDay(day: PlayDay): void {
  const n = day.length;
  day.flags.fill(0);
  if (n >= REPEAT_PLAYS_PER_DAY) {
    tally.reset(n);
    let repeats = false;
    for (let i = 0; i < n; i++) if (tally.add(day.listener[i]!) === REPEAT_PLAYS_PER_DAY) repeats = true;
    if (repeats) for (let i = 0; i < n; i++) if (tally.count(day.listener[i]!) >= REPEAT_PLAYS_PER_DAY) day.flags[i]! |= FLAG_REPEAT;
  }
  if (n >= BURST_MIN_PLAYS) {
    const plays = new Int32Array(24);
    const inWindow = new Int32Array(24);
    for (let i = 0; i < n; i++) {
      const hour = Math.floor(day.msIntoDay[i]! / HOUR_MS);
      plays[hour]!++;
      if (inBurstWindow(day.msPlayed[i]!)) inWindow[hour]!++;
    }
    let any = false;
    const burst = new Uint8Array(24);
    for (let h = 0; h < 24; h++) {
      if (inWindow[h]! < BURST_MIN_PLAYS || inWindow[h]! < BURST_MIN_SHARE * plays[h]!) continue;
      burst[h] = 1;
      any = true;
    }
    if (any) for (let i = 0; i < n; i++) if (inBurstWindow(day.msPlayed[i]!) && burst[Math.floor(day.msIntoDay[i]! / HOUR_MS)]) day.flags[i]! |= FLAG_BURST;
  }
}
