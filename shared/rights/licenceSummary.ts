import type { Licence, PermittedUse } from '../catalog/catalogPackageSchema';
import { WORLD, countryName } from './territories';
import { formatDate } from './formatDate';
import { aiUseName, channelName, effectiveScopes } from '../lineage/licenceScopes';

const useWords: Record<PermittedUse, string> = { remix: 'Remix', cover: 'Cover', sample: 'Sampling' };

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function territoryPhrase(licence: Licence): string {
  const include = licence.territories.include;
  const base = include.includes(WORLD) ? 'worldwide' : `in ${list(include.map(countryName))}`;
  const exclude = licence.territories.exclude;
  return exclude.length ? `${base} except ${list(exclude.map(countryName))}` : base;
}

/**
 * One licence in plain language as of `today` (YYYY-MM-DD), e.g. "Remix
 * allowed worldwide until 31 Dec 2027. The stem "Lead vocal" may not be used. Credit: …".
 */
export function licenceSummary(licence: Licence, today: string, stemNames: ReadonlyMap<string, string> = new Map()): string {
  const uses = list(licence.uses.map((u, i) => (i === 0 ? useWords[u] : useWords[u].toLowerCase())));
  const from = licence.validFrom > today ? ` from ${formatDate(licence.validFrom)}` : '';
  const until = licence.validUntil ? ` until ${formatDate(licence.validUntil)}` : '';
  const sentences = [`${uses} allowed ${territoryPhrase(licence)}${from}${until}.`];
  for (const rule of licence.stemRules) {
    const name = stemNames.get(rule.stem) ?? rule.stem;
    const scope = rule.uses ? ` in ${list(rule.uses.map((u) => (u === 'cover' ? 'covers' : u === 'sample' ? 'samples' : 'remixes')))}` : '';
    const origin = rule.inherited ? ` (from licence ${rule.inherited.licence})` : '';
    if (rule.rule === 'not-usable') sentences.push(`The stem "${name}" may not be used${scope}${origin}.`);
    if (rule.rule === 'no-pitch-shift') sentences.push(`The stem "${name}" may not be pitch-shifted${scope}${origin}.`);
    if (rule.rule === 'no-time-stretch') sentences.push(`The stem "${name}" may not be time-stretched${scope}${origin}.`);
  }
  if (licence.scopes) {
    const scopes = effectiveScopes(licence);
    if (licence.scopes.channels) sentences.push(`Only for ${list(scopes.channels.map(channelName))}.`);
    const ai = (Object.keys(scopes.aiUse) as (keyof typeof scopes.aiUse)[]).filter((use) => scopes.aiUse[use]);
    if (ai.length) sentences.push(`Allows ${list(ai.map(aiUseName))}.`);
    if (scopes.approvalRequired) sentences.push(`Every export needs the licensor's signed approval.`);
  }
  if (licence.relicense?.length)
    sentences.push(
      `Derivatives made by ${list(licence.relicense.map((u) => (u === 'cover' ? 'covering' : u === 'sample' ? 'sampling' : 'remixing')))} may be published as sources (re-licensed).`,
    );
  const share = licence.revenue.rightsHolderShareBp;
  sentences.push(`Rights holders receive ${share / 100} % of the derivative's ${licence.type} revenue.`);
  sentences.push(`Credit: ${licence.creditText}`);
  return sentences.join(' ');
}
