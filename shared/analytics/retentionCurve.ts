/**
 * The retention curve from a histogram of where plays ended: `ended[s]` is
 * how many plays stopped during second s. r(t) = share of plays whose
 * listening reached t seconds, r(0) = 1. Empty (all zeros) when there are
 * no plays.
 */
export function retentionCurve(ended: ArrayLike<number>, plays: number): number[] {
  const curve = new Array<number>(ended.length);
  let remaining = plays;
  for (let t = 0; t < ended.length; t++) {
    curve[t] = plays > 0 ? remaining / plays : 0;
    remaining -= ended[t]!;
  }
  return curve;
}

/**
 * The median listened time in whole seconds, from the same histogram: the
 * middle value of the plays' end seconds (the mean of the two middle values
 * for an even count). Null without plays.
 */
export function medianEndSecond(ended: ArrayLike<number>, plays: number): number | null {
  if (plays <= 0) return null;
  const nth = (k: number) => {
    let seen = 0;
    for (let s = 0; s < ended.length; s++) {
      seen += ended[s]!;
      if (seen > k) return s;
    }
    return ended.length - 1;
  };
  return plays % 2 === 1 ? nth((plays - 1) / 2) : (nth(plays / 2 - 1) + nth(plays / 2)) / 2;
}
