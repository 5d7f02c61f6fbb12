import { z } from 'zod';
import { normalizeIpi, normalizeIsni, normalizeIsrc, normalizeIswc } from '../rights/identifiers';
import { isTerritory } from '../rights/territories';
import { isCalendarDate } from '../rights/isCalendarDate';
import { refuseUnsafeCharacters } from '../text/refuseUnsafeCharacters';

/**
 * The catalog package manifest (`manifest.json`), format stemroom-catalog/2
 * (stemroom-catalog/1 stays readable: it is /2 without licence scopes,
 * re-licensing and derivatives, and means what it always meant).
 * docs/catalog-package.md documents it; docs/catalog-package.schema.json is
 * generated from this schema. Cross-references and share sums are checked by
 * validateCatalogPackage.
 */
export const CATALOG_FORMAT = 'stemroom-catalog/1';
/** Adds licence scopes, re-licensing, inherited stem rules and derivative packages (docs/lineage.md). */
export const CATALOG_FORMAT_2 = 'stemroom-catalog/2';
export const CATALOG_FORMATS = [CATALOG_FORMAT, CATALOG_FORMAT_2] as const;

const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,79}$/, 'an id is 1–80 letters, digits, . _ : - (starting with a letter or digit)');
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
/** Where an export may go (a licence scope; the export states one). */
export const exportChannels = ['streaming-distribution', 'social-only', 'non-commercial', 'sync-on-request'] as const;
/** Machine-learning uses a licence allows or not. */
export const aiUses = ['voice-model', 'training'] as const;

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
  /** (stemroom-catalog/2) A derivative's whole mix: the published export itself. */
  mix: z.boolean().optional(),
  /** (stemroom-catalog/2) A derivative's per-track stem: the id of the track it was rendered from. */
  track: z.string().min(1).max(80).optional(),
  /** (stemroom-catalog/2) The upstream catalog stems heard in this stem: their licences' stem rules still bind it. */
  contains: z
    .array(z.object({ package: id, recording: id, stem: id }))
    .max(1000)
    .optional(),
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
  /** (stemroom-catalog/2) An upstream licence's rule that a derivative's licence passes on: where it comes from. */
  inherited: z.object({ licence: id, package: id, recording: id, stem: id }).optional(),
});

/**
 * (stemroom-catalog/2) What else a licence limits. Absent members keep
 * stemroom-catalog/1's meaning: every channel, no AI use, no approval.
 */
export const licenceScopesSchema = z
  .object({
    /** The channels an export may go to; every channel when omitted. */
    channels: z.array(z.enum(exportChannels)).min(1).optional(),
    /** Machine-learning uses allowed (true) or not; a use not named is not allowed. */
    aiUse: z.object({ 'voice-model': z.boolean().optional(), training: z.boolean().optional() }).strict().optional(),
    /** An export needs the licensor's signed approval (stemroom-approval/1) of the exact project revision. */
    approvalRequired: z.boolean().optional(),
  })
  .strict();

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
    /**
     * (stemroom-catalog/2) The uses whose derivatives may be re-licensed — published
     * as catalog sources others remix in turn. Absent or empty: derivatives may be
     * released for listening, never as sources.
     */
    relicense: z.array(z.enum(permittedUses)).optional(),
    /** (stemroom-catalog/2) Channel, AI use and approval. */
    scopes: licenceScopesSchema.optional(),
  })
  .superRefine((licence, ctx) => {
    if (licence.type === 'master' && !licence.recording)
      ctx.addIssue({ code: 'custom', path: ['recording'], message: 'a master licence names the recording it licenses' });
    if (licence.type === 'publishing' && !licence.work)
      ctx.addIssue({ code: 'custom', path: ['work'], message: 'a publishing licence names the work it licenses' });
    if (licence.type === 'master' && licence.work)
      ctx.addIssue({ code: 'custom', path: ['work'], message: 'a master licence licenses a recording, not a work' });
    if (licence.type === 'publishing' && licence.recording)
      ctx.addIssue({ code: 'custom', path: ['recording'], message: 'a publishing licence licenses a work, not a recording' });
    if (licence.validUntil && licence.validUntil < licence.validFrom) ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'ends before it starts' });
    for (const use of licence.relicense ?? []) {
      if (!licence.uses.includes(use))
        ctx.addIssue({ code: 'custom', path: ['relicense'], message: `re-licensing derivatives made by ${use} needs the licence to permit ${use}` });
    }
  });

/** A file inside the package, named with its SHA-256 (the package signature covers it through the manifest). */
const packageFile = z.object({ file: z.string().min(1).max(500), sha256: z.string().regex(/^[0-9a-f]{64}$/, 'sha256 is 64 lower-case hex digits') });

/**
 * (stemroom-catalog/2) A derivative package: a creator's export published as
 * a source. It carries the signed export record, a statement by the
 * exporting library that this package publishes it, and every ancestor
 * package's manifest and signature (lineage/…), so a library that never
 * saw the ancestors verifies the whole chain. docs/lineage.md.
 */
export const derivativeSchema = z
  .object({
    /** The published export's attribution record, exactly as signed (checked against its signature, never trusted). */
    export: z.record(z.string(), z.unknown()),
    /** The exporting library's Ed25519 signature of { exportId, packageId, packageKey } (stemroom-publication/1). */
    publication: z.object({ signature: z.string().min(1).max(200) }).strict(),
    /** Every ancestor package (sources of this export and, in turn, of theirs): manifest and signature files. */
    lineage: z
      .array(z.object({ package: id, manifest: packageFile, signature: packageFile }).strict())
      .min(1)
      .max(200),
  })
  .strict();

export const catalogPackageSchema = z.object({
  format: z.string().superRefine((format, ctx) => {
    if (!(CATALOG_FORMATS as readonly string[]).includes(format))
      ctx.addIssue({ code: 'custom', message: `unknown format "${format}"; this Stemroom reads ${CATALOG_FORMATS.join(' and ')}` });
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
  /** (stemroom-catalog/2) Present when the package publishes a creator's export (a derivative). */
  derivative: derivativeSchema.optional(),
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
export type ExportChannel = (typeof exportChannels)[number];
export type AiUse = (typeof aiUses)[number];
export type LicenceScopes = z.output<typeof licenceScopesSchema>;
export type StemRule = z.output<typeof stemRuleSchema>;
export type Derivative = z.output<typeof derivativeSchema>;
