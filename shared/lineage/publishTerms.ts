import { z } from 'zod';
import { licenceScopesSchema, permittedUses, stemRuleKinds, type Licence, type PermittedUse, type StemRule } from '../catalog/catalogPackageSchema';
import { exportChannels } from '../catalog/catalogPackageSchema';
import { isTerritory } from '../rights/territories';
import { effectiveScopes } from './licenceScopes';
import { intersectTerritories } from './territoryCoverage';
import type { DerivativeContext } from './termsBeyondUpstream';

/**
 * stemroom-terms/1: the licence a creator offers for derivatives of their
 * own export (`stemroom publish EXPORT --terms FILE`). Every member but
 * `revenue` may be left out: it then takes the widest value the upstream
 * licences allow (uses, territories, dates, channels) or the narrowest
 * (re-licensing: none; AI use: none; approval: only where upstream asks).
 * Asking for more than upstream allows is refused with the upstream rule.
 */
export const TERMS_FORMAT = 'stemroom-terms/1';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD');
const territory = z.string().refine(isTerritory, 'an ISO 3166-1 alpha-2 code or WORLD');
const basisPoints = z.number().int().min(0).max(10_000);

export const publishTermsSchema = z
  .object({
    format: z.literal(TERMS_FORMAT).optional(),
    uses: z.array(z.enum(permittedUses)).min(1).optional(),
    relicense: z.array(z.enum(permittedUses)).optional(),
    territories: z
      .object({ include: z.array(territory).min(1), exclude: z.array(territory).default([]) })
      .strict()
      .optional(),
    validFrom: isoDate.optional(),
    validUntil: isoDate.optional(),
    scopes: licenceScopesSchema.optional(),
    /** Your own rules for your stems: `stem` is a track name of the project, its stem id, or "mix". */
    stemRules: z
      .array(z.object({ stem: z.string().min(1).max(120), rule: z.enum(stemRuleKinds), uses: z.array(z.enum(permittedUses)).min(1).optional() }).strict())
      .default([]),
    /** Of a derivative's master and publishing revenue, the share that flows back to this recording's rights holders (basis points). */
    revenue: z.object({ master: basisPoints, publishing: basisPoints }).strict(),
    creditText: z.string().trim().min(1).max(1000).optional(),
  })
  .strict();

export type PublishTerms = z.output<typeof publishTermsSchema>;
export type PublishTermsInput = z.input<typeof publishTermsSchema>;

/** The derivative's stems as the licence names them. */
export interface DerivativeStemRef {
  readonly id: string;
  readonly name: string;
  /** The project track it was rendered from (null for the mix). */
  readonly trackId: string | null;
}

/** Everything the licences need to be built: ids, the creator, the upstream context. */
export interface LicenceBuild {
  readonly masterId: string;
  readonly publishingId: string;
  readonly recordingId: string;
  readonly workId: string;
  readonly creatorPartyId: string;
  readonly today: string;
  readonly defaultCredit: string;
  readonly stems: readonly DerivativeStemRef[];
  readonly context: DerivativeContext;
}

/**
 * The derivative's master and publishing licences from the creator's
 * terms, with every gap filled from the upstream bound and every upstream
 * stem rule carried onto the stems that contain its stem (with its origin).
 * Returns the problems instead when a stem rule names no stem.
 *
 * @example
 * const { licences } = derivativeLicences(publishTermsSchema.parse({ revenue: { master: 5000, publishing: 8000 } }), build);
 */
export function derivativeLicences(terms: PublishTerms, build: LicenceBuild): { licences: Licence[]; problems: string[] } {
  const upstream = build.context.upstream.map((u) => u.licence);
  const problems: string[] = [];
  const relicensable = permittedUses.filter((use) => upstream.every((l) => (l.relicense ?? []).includes(use)));
  const uses: PermittedUse[] = terms.uses ?? (relicensable.length ? relicensable : ['remix']);
  const starts = upstream.map((l) => l.validFrom).sort();
  const ends = upstream.flatMap((l) => (l.validUntil ? [l.validUntil] : [])).sort();
  const upstreamScopes = upstream.map(effectiveScopes);
  const channels = terms.scopes?.channels ?? exportChannels.filter((c) => upstreamScopes.every((s) => s.channels.includes(c)));
  const scopes = {
    ...(channels.length === exportChannels.length && !terms.scopes?.channels ? {} : { channels }),
    ...(terms.scopes?.aiUse ? { aiUse: terms.scopes.aiUse } : {}),
    ...((terms.scopes?.approvalRequired ?? upstreamScopes.some((s) => s.approvalRequired)) ? { approvalRequired: true } : {}),
  };
  const own: StemRule[] = [];
  terms.stemRules.forEach((rule, i) => {
    const stem = build.stems.find((s) => s.id === rule.stem || s.name === rule.stem || (rule.stem === 'mix' && s.trackId === null));
    if (!stem) problems.push(`stemRules[${i}].stem: "${rule.stem}" is not one of the published stems (${build.stems.map((s) => `"${s.name}"`).join(', ')})`);
    else own.push({ stem: stem.id, rule: rule.rule, ...(rule.uses ? { uses: rule.uses } : {}) });
  });
  const inherited: StemRule[] = [];
  for (const u of build.context.upstream) {
    if (u.licence.type !== 'master') continue;
    // A rule a derivative licence inherited is named by its origin, which is upstream too: carry each once.
    for (const rule of u.licence.stemRules.filter((r) => !r.inherited)) {
      for (const stem of build.context.stems) {
        if (!stem.contains.some((c) => c.stemId === rule.stem && c.recordingId === u.recordingId)) continue;
        inherited.push({
          stem: stem.id,
          rule: rule.rule,
          ...(rule.uses ? { uses: rule.uses } : {}),
          inherited: { licence: u.licence.id, package: u.packageId, recording: u.recordingId, stem: rule.stem },
        });
      }
    }
  }
  const base = {
    licensor: build.creatorPartyId,
    uses,
    territories: terms.territories ?? intersectTerritories(upstream.map((l) => l.territories)),
    validFrom: terms.validFrom ?? starts.at(-1) ?? build.today,
    ...((terms.validUntil ?? ends[0]) ? { validUntil: terms.validUntil ?? ends[0]! } : {}),
    creditText: terms.creditText ?? build.defaultCredit,
    ...(terms.relicense ? { relicense: terms.relicense } : {}),
    ...(Object.keys(scopes).length ? { scopes } : {}),
  };
  const licences: Licence[] = [
    {
      ...base,
      id: build.masterId,
      type: 'master',
      recording: build.recordingId,
      stemRules: [...own, ...inherited],
      revenue: { rightsHolderShareBp: terms.revenue.master },
    },
    { ...base, id: build.publishingId, type: 'publishing', work: build.workId, stemRules: [], revenue: { rightsHolderShareBp: terms.revenue.publishing } },
  ];
  return { licences, problems };
}
