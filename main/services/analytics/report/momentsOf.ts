import type { AnalyticsReport, MomentView } from '../../../../shared/contract/analyticsContract';
import type { FixAttemptRow } from '../../../db/analytics/analyticsReadQueries';

/** A version of the export (another export of its project, or itself) with its curve. */
export interface VersionCurve {
  readonly exportId: string;
  readonly title: string;
  readonly revision: number;
  readonly plays: number;
  readonly retention: readonly number[];
}

const WINDOW = 3;

/**
 * The moments worth comparing versions at — this export's significant
 * drop-offs and the fixes tried in its project — with every version's
 * retention there side by side: the share still listening at the moment,
 * three seconds later, and what was lost between (null for a version
 * without plays, or shorter than the moment).
 */
export function momentsOf(dropOffs: AnalyticsReport['dropOffs'], fixes: readonly FixAttemptRow[], versions: readonly VersionCurve[]): MomentView[] {
  const moments = new Map<number, MomentView>();
  const versionsAt = (second: number) =>
    versions.map((v) => {
      const at = v.plays && second < v.retention.length ? v.retention[second]! : null;
      const after = at === null ? null : v.retention[Math.min(v.retention.length - 1, second + WINDOW)]!;
      return {
        exportId: v.exportId,
        title: v.title,
        revision: v.revision,
        plays: v.plays,
        at,
        after,
        lostShare: at === null || after === null ? null : at - after,
      };
    });
  for (const fix of fixes) moments.set(fix.second, { second: fix.second, origin: 'fix', fixRevision: fix.revision, versions: versionsAt(fix.second) });
  for (const d of dropOffs)
    if (d.significant && !moments.has(d.second))
      moments.set(d.second, { second: d.second, origin: 'drop-off', fixRevision: null, versions: versionsAt(d.second) });
  return [...moments.values()].sort((a, b) => a.second - b.second);
}
