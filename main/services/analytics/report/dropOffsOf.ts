import { isSignificantDropOff } from '../../../../shared/analytics/dropOffSignificance';
import { findDropOffs } from '../../../../shared/analytics/findDropOffs';
import { labelMoment, type ArrangementOutline } from '../../../../shared/analytics/labelMoment';
import type { AnalyticsReport, Headline } from '../../../../shared/contract/analyticsContract';

/** Drop-off moments of a retention curve, labelled with the arrangement, each marked significant or not for the curve's plays and listeners. */
export function dropOffsOf(retention: number[], headline: Headline, outline: ArrangementOutline, bpm: number): AnalyticsReport['dropOffs'] {
  return findDropOffs(retention).map((d) => {
    const label = labelMoment(d.second, 3, outline);
    return {
      ...d,
      significant: isSignificantDropOff(headline.plays, headline.listeners, d.lostShare),
      beat: (d.second * bpm) / 60,
      section: label.section,
      entering: [...label.entering],
      leaving: [...label.leaving],
    };
  });
}
