import { z } from 'zod';
import { normalizeIpi, normalizeIsni, normalizeIsrc, normalizeIswc } from '../rights/identifiers';
import { isTerritory } from '../rights/territories';
import { isCalendarDate } from '../rights/isCalendarDate';
import { refuseUnsafeCharacters } from '../text/refuseUnsafeCharacters';

/**
 * The catalog package manifest (`manifest.json`), format stemroom-catalog/1.
 * docs/catalog-package.md documents it; docs/catalog-package.schema.json is
 * generated from this schema. Cross-references and share sums are checked by
 * validateCatalogPackage.
 */
export const CATALOG_FORMAT = 'stemroom-catalog/1';

const id = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,79}$/, 'an id is 1–80 letters, digits, . _ : - (starting with a letter or digit)');
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max).superRefine(refuseUnsafeCharacters);
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD')
  .refine(isCalendarDate, { error: (issue) => `"${String(issue.input)}" is not a day of the calendar` });
const basisPoints = z.number().int('shares are whole basis points').min(0).max(10_000, 'a share is at most 10000 basis points (100 %)');

const identifier = (normalize: (v: string) => string | null, what: string) =>
  z.string().transform((value, ctx) => {
    const normalized = normalize(value);
    if (normalized === null) {
      ctx.addIssue({ code: 'custom', message: `"${value}" is not a valid ${what}` });
      return z.NEVER;
    }
    return normalized;
  });

export const stemKinds = ['vocals', 'drums', 'bass', 'keys', 'guitar', 'fx', 'other'] as const;
export const permittedUses = ['remix', 'cover', 'sample'] as const;
export const stemRuleKinds = ['not-usable', 'no-pitch-shift', 'no-time-stretch'] as const;
export const writerRoles = ['composer', 'lyricist', 'composer-lyricist', 'arranger'] as const;
export const creditRoles = ['performer', 'featured', 'producer', 'mixer', 'engineer', 'mastering'] as const;

export const partySchema = z.object({
  id,
  name: text(200),
  kind: z.enum(['person', 'organisation']).default('person'),
  isni: identifier(normalizeIsni, 'ISNI (16 characters, MOD 11-2 check)').optional(),
  ipi: identifier(normalizeIpi, 'IPI name number (11 digits, the last two a mod-101 check)').optional(),
});

const shareSchema = z.object({ party: id, shareBp: basisPoints });

export const workSchema = z.object({
  id,
  title: text(300),
  iswc: identifier(normalizeIswc, 'ISWC (T-DDD.DDD.DDD-C with check digit)').optional(),
  writers: z.array(shareSchema.extend({ role: z.enum(writerRoles) })).min(1, 'a work needs at least one writer'),
  publishers: z.array(shareSchema).default([]),
});

export const stemSchema = z.object({
  id,
  name: text(120),
  kind: z.enum(stemKinds),
  file: z.string().min(1).max(500),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'sha256 is 64 lower-case hex digits'),
});

export const recordingSchema = z.object({
  id,
  work: id,
  title: text(300),
  isrc: identifier(normalizeIsrc, 'ISRC (CC-XXX-YY-NNNNN)'),
  displayArtist: text(300),
  label: text(200),
  bpm: z.number().min(20).max(400),
  key: z.string().regex(/^[A-G](#|b)? (major|minor)$/, 'a key is like "A minor" or "F# major"'),
  durationMs: z.number().int().positive(),
  releaseDate: isoDate.optional(),
  masterOwners: z.array(shareSchema).min(1, 'a recording needs at least one master owner'),
  credits: z.array(z.object({ party: id, role: z.enum(creditRoles), instrument: z.string().max(80).optional() })).default([]),
  stems: z.array(stemSchema).min(1, 'a recording needs at least one stem'),
  /** The arrangement's sections (intro, verse, drop…), so remixes start with markers. */
  sections: z.array(z.object({ name: text(60), startMs: z.number().int().min(0) })).default([]),
});

export const stemRuleSchema = z.object({
  stem: id,
  rule: z.enum(stemRuleKinds),
  /** The uses the rule applies to; all uses when omitted. */
  uses: z.array(z.enum(permittedUses)).min(1).optional(),
});

const territory = z.string().superRefine((code, ctx) => {
  if (!isTerritory(code)) ctx.addIssue({ code: 'custom', message: `"${code}" is not an ISO 3166-1 alpha-2 code or WORLD` });
});

export const licenceSchema = z
  .object({
    id,
    licensor: id,
    type: z.enum(['master', 'publishing']),
    recording: id.optional(),
    work: id.optional(),
    uses: z.array(z.enum(permittedUses)).min(1, 'a licence permits at least one use'),
    territories: z.object({
      include: z.array(territory).min(1, 'list at least one territory (or WORLD)'),
      exclude: z.array(territory).default([]),
    }),
    validFrom: isoDate,
    validUntil: isoDate.optional(),
    creditText: text(1000),
    stemRules: z.array(stemRuleSchema).default([]),
    /** Of the derivative's revenue on this side (master or publishing), the rights holders' share; the creator keeps the rest. */
    revenue: z.object({ rightsHolderShareBp: basisPoints }),
  })
  .superRefine((licence, ctx) => {
    if (licence.type === 'master' && !licence.recording) ctx.addIssue({ code: 'custom', path: ['recording'], message: 'a master licence names the recording it licenses' });
    if (licence.type === 'publishing' && !licence.work) ctx.addIssue({ code: 'custom', path: ['work'], message: 'a publishing licence names the work it licenses' });
    if (licence.type === 'master' && licence.work) ctx.addIssue({ code: 'custom', path: ['work'], message: 'a master licence licenses a recording, not a work' });
    if (licence.type === 'publishing' && licence.recording) ctx.addIssue({ code: 'custom', path: ['recording'], message: 'a publishing licence licenses a work, not a recording' });
    if (licence.validUntil && licence.validUntil < licence.validFrom) ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'ends before it starts' });
  });

export const catalogPackageSchema = z.object({
  format: z.string().superRefine((format, ctx) => {
    if (format !== CATALOG_FORMAT) ctx.addIssue({ code: 'custom', message: `unknown format "${format}"; this Stemroom reads ${CATALOG_FORMAT}` });
  }),
  package: z.object({
    id,
    version: z.number().int().positive(),
    title: text(300),
    publisher: text(200),
    createdAt: z.string().optional(),
  }),
  parties: z.array(partySchema).min(1),
  works: z.array(workSchema).min(1),
  recordings: z.array(recordingSchema).min(1),
  licences: z.array(licenceSchema).default([]),
});

export type CatalogPackage = z.output<typeof catalogPackageSchema>;
export type CatalogPackageInput = z.input<typeof catalogPackageSchema>;
export type Party = z.output<typeof partySchema>;
export type Work = z.output<typeof workSchema>;
export type Recording = z.output<typeof recordingSchema>;
export type Stem = z.output<typeof stemSchema>;
export type Licence = z.output<typeof licenceSchema>;
export type StemKind = (typeof stemKinds)[number];
export type PermittedUse = (typeof permittedUses)[number];
export type StemRuleKind = (typeof stemRuleKinds)[number];
