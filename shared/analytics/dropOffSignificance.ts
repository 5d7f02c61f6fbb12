/**
 * When a drop-off means something. A retention curve is drawn from any
 * number of plays, but on a handful of plays (or one listener replaying) a
 * dip is chance: YouTube shows retention from 100 views. The rule, as
 * computed by isSignificantDropOff and stated in docs/plays-format.md:
 */
export const DROP_OFF_MIN_PLAYS = 100;
export const DROP_OFF_MIN_LISTENERS = 10;
export const DROP_OFF_MIN_LOST_PLAYS = 5;

export const DROP_OFF_SIGNIFICANCE_RULE =
  `A drop-off is significant when the curve rests on at least ${DROP_OFF_MIN_PLAYS} plays from at least ${DROP_OFF_MIN_LISTENERS} different listeners, ` +
  `and the drop-off itself loses at least ${DROP_OFF_MIN_LOST_PLAYS} plays (its share of plays × plays, rounded to the nearest play). Otherwise it is shown, marked "not significant".`;

/**
 * @example
 * isSignificantDropOff(8, 1, 0.125); // false: 8 plays from 1 listener
 * isSignificantDropOff(6000, 2400, 0.098); // true
 */
export function isSignificantDropOff(plays: number, listeners: number, lostShare: number): boolean {
  return plays >= DROP_OFF_MIN_PLAYS && listeners >= DROP_OFF_MIN_LISTENERS && Math.round(lostShare * plays) >= DROP_OFF_MIN_LOST_PLAYS;
}
