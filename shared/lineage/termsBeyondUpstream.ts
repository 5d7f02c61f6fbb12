import type { Licence, PermittedUse } from '../catalog/catalogPackageSchema';
import { countryName } from '../rights/territories';
import { effectiveScopes, aiUseName, channelName } from './licenceScopes';
import { territoriesBeyond } from './territoryCoverage';
import { upstreamName, type UpstreamLicence, type UpstreamStem } from './UpstreamLicence';

const nouns: Record<PermittedUse, string> = { remix: 'remixes', cover: 'covers', sample: 'samples' };

/** What a derivative's licence is judged against: its upstream licences and what its stems contain. */
export interface DerivativeContext {
  /** Every licence the derivative relies on, at every generation. */
  readonly upstream: readonly UpstreamLicence[];
  /** The derivative's stems: id, name, and the upstream stems heard in each (transitively). */
  readonly stems: readonly { readonly id: string; readonly name: string; readonly contains: readonly UpstreamStem[] }[];
}

/**
 * Why an export may not be published as a source: some licence it relies
 * on does not let derivatives made by `use` be re-licensed. Empty when every
 * one does.
 *
 * @example
 * relicensingProblems(context.upstream, 'remix');
 * // ['Licence L-M1 of Test Records (for "Test Song") does not let remixes be re-licensed: publish this export for listening only.']
 */
export function relicensingProblems(upstream: readonly UpstreamLicence[], use: PermittedUse): string[] {
  return upstream
    .filter((u) => !(u.licence.relicense ?? []).includes(use))
    .map(
      (u) => `${capitalize(upstreamName(u))} does not let ${nouns[use]} be re-licensed: this export may be released for listening, not published as a source.`,
    );
}

/**
 * Where a derivative's licence grants more than the licences it relies on —
 * each problem names the field and the upstream rule that forbids it. A
 * derivative licence may grant only uses every upstream licence lets
 * derivatives be re-licensed for, only territories, dates, channels and AI
 * uses within every upstream licence's, must require approval where an
 * upstream licence does, and must carry every upstream stem rule onto each
 * of its stems that contains the upstream stem (with its origin).
 *
 * @example
 * termsBeyondUpstream({ ...licence, territories: { include: ['WORLD'], exclude: [] } }, context);
 * // ['territories: Germany (DE) is excluded by licence L-M1 of Test Records (for "Test Song")']
 */
export function termsBeyondUpstream(licence: Licence, context: DerivativeContext): string[] {
  const problems: string[] = [];
  const scopes = effectiveScopes(licence);
  for (const u of context.upstream) {
    const name = upstreamName(u);
    const upstreamRelicense = u.licence.relicense ?? [];
    for (const use of licence.uses) {
      if (!upstreamRelicense.includes(use))
        problems.push(
          `uses: "${use}" is wider than upstream: ${name} lets derivatives be re-licensed ${upstreamRelicense.length ? `only for ${upstreamRelicense.join(', ')}` : 'for no use'}`,
        );
    }
    for (const use of licence.relicense ?? []) {
      if (!upstreamRelicense.includes(use)) problems.push(`relicense: "${use}" is wider than upstream: ${name} does not let ${nouns[use]} be re-licensed`);
    }
    const beyond = territoriesBeyond(licence.territories, u.licence.territories);
    if (beyond.length) {
      const first = beyond.slice(0, 3).map((b) => `${countryName(b.code)} (${b.code})`);
      const more = beyond.length > 3 ? ` and ${beyond.length - 3} more` : '';
      problems.push(
        `territories: ${first.join(', ')}${more} ${beyond.length === 1 ? 'is' : 'are'} ${beyond[0]!.why === 'excluded' ? 'excluded by' : 'not covered by'} ${name}`,
      );
    }
    if (licence.validFrom < u.licence.validFrom) problems.push(`validFrom: ${licence.validFrom} is before ${name} starts (${u.licence.validFrom})`);
    if (u.licence.validUntil !== undefined && (licence.validUntil === undefined || licence.validUntil > u.licence.validUntil)) {
      problems.push(`validUntil: ${licence.validUntil ?? 'no end date'} is after ${name} ends (${u.licence.validUntil})`);
    }
    const upstreamScopes = effectiveScopes(u.licence);
    for (const channel of scopes.channels) {
      if (!upstreamScopes.channels.includes(channel)) problems.push(`scopes.channels: "${channel}" (${channelName(channel)}) is not allowed by ${name}`);
    }
    for (const [use, allowed] of Object.entries(scopes.aiUse) as [keyof typeof scopes.aiUse, boolean][]) {
      if (allowed && !upstreamScopes.aiUse[use]) problems.push(`scopes.aiUse.${use}: ${aiUseName(use)} is not allowed by ${name}`);
    }
    if (upstreamScopes.approvalRequired && !scopes.approvalRequired)
      problems.push(`scopes.approvalRequired: ${name} requires the licensor's approval of every export, so the derivative's licence must too`);
    if (licence.type === 'master' && u.licence.type === 'master') problems.push(...missingInheritedRules(licence, u, context));
  }
  if (licence.type === 'master') problems.push(...falseInheritedRules(licence, context));
  return [...new Set(problems)];
}

/** Every upstream stem rule, on every derivative stem that contains its stem, must be in the licence (same rule, uses at least as broad). */
function missingInheritedRules(licence: Licence, u: UpstreamLicence, context: DerivativeContext): string[] {
  const problems: string[] = [];
  for (const rule of u.licence.stemRules.filter((r) => !r.inherited)) {
    for (const stem of context.stems) {
      const inner = stem.contains.find((c) => c.stemId === rule.stem && c.recordingId === u.recordingId);
      if (!inner) continue;
      const carried = licence.stemRules.some(
        (r) => r.stem === stem.id && r.rule === rule.rule && (r.uses === undefined || (rule.uses !== undefined && rule.uses.every((x) => r.uses!.includes(x)))),
      );
      if (!carried) {
        const what = rule.rule === 'not-usable' ? 'may not be used' : rule.rule === 'no-pitch-shift' ? 'may not be pitch-shifted' : 'may not be time-stretched';
        problems.push(
          `stemRules: the stem "${stem.name}" contains "${inner.stemName}" of "${inner.recordingTitle}", which ${what}${rule.uses ? ` in ${rule.uses.map((x) => nouns[x]).join(', ')}` : ''} under ${upstreamName(u)}; the derivative's licence must say so`,
        );
      }
    }
  }
  return problems;
}

/** An inherited rule must name an upstream rule that exists, on a stem the derivative stem really contains. */
function falseInheritedRules(licence: Licence, context: DerivativeContext): string[] {
  const problems: string[] = [];
  licence.stemRules.forEach((rule, i) => {
    if (!rule.inherited) return;
    const origin = rule.inherited;
    const u = context.upstream.find((x) => x.licence.id === origin.licence && x.packageId === origin.package);
    const upstreamRule = u?.licence.stemRules.find((r) => r.stem === origin.stem && r.rule === rule.rule);
    const stem = context.stems.find((s) => s.id === rule.stem);
    if (!u || !upstreamRule)
      problems.push(
        `stemRules[${i}].inherited: licence ${origin.licence} of package "${origin.package}" has no "${rule.rule}" rule for stem "${origin.stem}" upstream`,
      );
    else if (!stem?.contains.some((c) => c.stemId === origin.stem && c.recordingId === origin.recording)) {
      problems.push(`stemRules[${i}].inherited: the stem "${stem?.name ?? rule.stem}" does not contain stem "${origin.stem}" of "${u.recordingTitle}"`);
    }
  });
  return problems;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
