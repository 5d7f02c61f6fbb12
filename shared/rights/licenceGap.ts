import type { Licence, PermittedUse } from '../catalog/catalogPackageSchema';
import { WORLD, countryName } from './territories';
import { formatDate } from './formatDate';

/** Why a licence does not cover a use; `message` is plain language, `code` is for tables and tests. */
export interface LicenceGap {
  readonly code: 'use-not-permitted' | 'territory-excluded' | 'territory-not-included' | 'not-yet-valid' | 'expired';
  readonly message: string;
}

const useNames: Record<PermittedUse, string> = { remix: 'Remixes', cover: 'Covers', sample: 'Samples' };

/**
 * Whether one licence covers `use` in `territory` on `date` (YYYY-MM-DD, the
 * licence's own dates are inclusive). Returns null when it does, else the
 * first gap in the order a licensor would state them.
 */
export function licenceGap(licence: Licence, use: PermittedUse, territory: string, date: string): LicenceGap | null {
  if (!licence.uses.includes(use)) {
    return { code: 'use-not-permitted', message: `Licence ${licence.id} does not permit ${useNames[use].toLowerCase()}.` };
  }
  if (licence.territories.exclude.includes(territory)) {
    return { code: 'territory-excluded', message: `${useNames[use]} are not allowed in ${countryName(territory)} (${territory}) under licence ${licence.id}.` };
  }
  if (!licence.territories.include.includes(WORLD) && !licence.territories.include.includes(territory)) {
    return { code: 'territory-not-included', message: `Licence ${licence.id} does not cover ${countryName(territory)} (${territory}).` };
  }
  if (date < licence.validFrom) {
    return { code: 'not-yet-valid', message: `Licence ${licence.id} is not valid until ${formatDate(licence.validFrom)}.` };
  }
  if (licence.validUntil !== undefined && date > licence.validUntil) {
    return { code: 'expired', message: `Licence ${licence.id} expired on ${formatDate(licence.validUntil)}.` };
  }
  return null;
}
