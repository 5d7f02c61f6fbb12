import type { ExportCheck } from '../../../shared/contract/exportsContract';
import type { ExportIntent } from '../../../shared/lineage/decideScopes';
import type { ExportPlan } from '../../../shared/rights/planExport';

/**
 * What `exports.check` answers — the export dialog's first screen — read
 * from the plan the export itself would follow: its decision, credits and
 * splits, and which packages are unsigned.
 *
 * @example
 * exportCheck(plan, 'DJ Kite', { channel: 'streaming-distribution' }); // { allowed: true, credits: [...], splits: { master, publishing, basis }, … }
 */
export function exportCheck(plan: ExportPlan, creator: string | null, intent: ExportIntent): ExportCheck {
  const { decision, splits } = plan;
  const unsignedPackages = [
    ...new Map([...plan.recordings.values()].filter((r) => !r.packageKeyFingerprint).map((r) => [r.packageId, { id: r.packageId, title: r.title }])).values(),
  ];
  return {
    allowed: decision.allowed,
    reasons: decision.allowed ? [] : [...decision.reasons],
    territory: decision.territory,
    date: decision.date,
    credits: [...plan.credits],
    splits: splits && { master: [...splits.master], publishing: [...splits.publishing], basis: [...splits.basis] },
    creator,
    unsignedPackages,
    channel: intent.channel,
  };
}
