import type { Licence } from '../catalog/catalogPackageSchema';
import { WORLD, countryCodes } from '../rights/territories';

type Territories = Licence['territories'];

/** Whether a licence's territories cover one country: included (or WORLD) and not excluded. */
export function coversTerritory(territories: Territories, code: string): boolean {
  if (territories.exclude.includes(code)) return false;
  return territories.include.includes(WORLD) || territories.include.includes(code);
}

/**
 * The countries `child` covers that `parent` does not — empty when the
 * child's territory is within the parent's. Each comes with why the parent
 * leaves it out (excluded, or never included).
 *
 * @example
 * territoriesBeyond({ include: ['WORLD'], exclude: [] }, { include: ['WORLD'], exclude: ['DE'] });
 * // [{ code: 'DE', why: 'excluded' }]
 */
export function territoriesBeyond(child: Territories, parent: Territories): { code: string; why: 'excluded' | 'not-included' }[] {
  return countryCodes
    .filter((code) => coversTerritory(child, code) && !coversTerritory(parent, code))
    .map((code) => ({ code, why: parent.exclude.includes(code) ? ('excluded' as const) : ('not-included' as const) }));
}

/**
 * The widest territory within every one of `all`: WORLD minus what any
 * excludes when all are worldwide, else the countries all of them cover.
 */
export function intersectTerritories(all: readonly Territories[]): Territories {
  if (all.length === 0) return { include: [WORLD], exclude: [] };
  if (all.every((t) => t.include.includes(WORLD))) {
    return { include: [WORLD], exclude: [...new Set(all.flatMap((t) => t.exclude))].sort() };
  }
  return { include: countryCodes.filter((code) => all.every((t) => coversTerritory(t, code))), exclude: [] };
}
