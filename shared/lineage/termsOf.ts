import type { Licence } from '../catalog/catalogPackageSchema';

/**
 * A licence's terms as an export record states them (`termsReliedOn`):
 * everything that decides what the licence allows and what it pays. A
 * derivative's chain is checked by comparing these with the licence in the
 * rights holder's signed manifest.
 */
export function termsOf(licence: Licence): Record<string, unknown> {
  return {
    uses: licence.uses,
    territories: licence.territories,
    validFrom: licence.validFrom,
    validUntil: licence.validUntil ?? null,
    stemRules: licence.stemRules,
    revenue: licence.revenue,
    ...(licence.relicense ? { relicense: licence.relicense } : {}),
    ...(licence.scopes ? { scopes: licence.scopes } : {}),
  };
}
