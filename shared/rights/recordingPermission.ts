import type { Licence, PermittedUse, Stem } from '../catalog/catalogPackageSchema';
import { licenceGap } from './licenceGap';

/** The licences that bear on one recording: master licences of the recording, publishing licences of its work. */
export interface RecordingRights {
  readonly title: string;
  readonly workTitle: string;
  readonly masterLicences: readonly Licence[];
  readonly publishingLicences: readonly Licence[];
}

export interface Permission {
  readonly allowed: boolean;
  /** Plain-language reasons when not allowed (each licence's gap, or the missing licence). */
  readonly reasons: readonly string[];
  /** The licences the permission relies on when allowed. */
  readonly relyOn: readonly Licence[];
}

/** The first licence that covers the use, or every licence's gap. */
export function findCoveringLicence(
  licences: readonly Licence[],
  use: PermittedUse,
  territory: string,
  date: string,
): { licence: Licence } | { gaps: string[] } {
  const gaps: string[] = [];
  for (const licence of licences) {
    const gap = licenceGap(licence, use, territory, date);
    if (!gap) return { licence };
    gaps.push(gap.message);
  }
  return { gaps };
}

/**
 * May this recording be remixed (its master audio + its composition) or
 * covered (its composition, newly recorded) in `territory` on `date`?
 * A remix needs a master and a publishing licence permitting remix; a cover
 * needs a publishing licence permitting covers.
 */
export function recordingPermission(rights: RecordingRights, use: 'remix' | 'cover', territory: string, date: string): Permission {
  const reasons: string[] = [];
  const relyOn: Licence[] = [];
  const need = (licences: readonly Licence[], missing: string) => {
    if (licences.length === 0) return void reasons.push(missing);
    const found = findCoveringLicence(licences, use, territory, date);
    if ('licence' in found) relyOn.push(found.licence);
    else reasons.push(...found.gaps);
  };
  if (use === 'remix') need(rights.masterLicences, `There is no master licence for "${rights.title}", so its recording cannot be remixed.`);
  need(rights.publishingLicences, `There is no publishing licence for the composition "${rights.workTitle}".`);
  return { allowed: reasons.length === 0, reasons, relyOn };
}

export interface StemUsability {
  readonly stemId: string;
  readonly usable: boolean;
  readonly reason?: string;
  /** Rules that still apply when usable, e.g. no pitch shift. */
  readonly restrictions: readonly ('no-pitch-shift' | 'no-time-stretch')[];
  readonly licenceId?: string;
}

/**
 * Which of a recording's stems may be used for `use`: the master licence
 * covering the use must exist, and none of its stem rules may forbid the stem.
 */
export function stemUsability(
  stem: Pick<Stem, 'id' | 'name'>,
  masterLicences: readonly Licence[],
  use: PermittedUse,
  territory: string,
  date: string,
): StemUsability {
  const found = findCoveringLicence(masterLicences, use, territory, date);
  if (!('licence' in found)) {
    const reason = masterLicences.length === 0 ? `No master licence covers the stem "${stem.name}".` : found.gaps[0]!;
    return { stemId: stem.id, usable: false, reason, restrictions: [] };
  }
  const rules = found.licence.stemRules.filter((r) => r.stem === stem.id && (!r.uses || r.uses.includes(use)));
  if (rules.some((r) => r.rule === 'not-usable')) {
    return {
      stemId: stem.id,
      usable: false,
      reason: `Licence ${found.licence.id} does not allow the stem "${stem.name}" to be used in ${use === 'cover' ? 'covers' : `${use}es`}.`,
      restrictions: [],
      licenceId: found.licence.id,
    };
  }
  const restrictions = rules.map((r) => r.rule).filter((r): r is 'no-pitch-shift' | 'no-time-stretch' => r !== 'not-usable');
  return { stemId: stem.id, usable: true, restrictions, licenceId: found.licence.id };
}
