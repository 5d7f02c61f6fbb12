import { z } from 'zod';
import { refuseUnsafeCharacters } from '../text/refuseUnsafeCharacters';
import { endpoint } from './endpoint';
import { taskIdSchema } from './taskContract';
import { packageSourceSchema } from './catalogContract';
import { isCountryCode } from '../rights/territories';
import { normalizeIsrc } from '../rights/identifiers';
import { attributionRecordSchema, recordLoudnessSchema } from '../rights/attributionRecord';
import { PROJECT_SAMPLE_RATES } from '../project/projectSampleRate';
import { aiUses, exportChannels } from '../catalog/catalogPackageSchema';

const projectId = z.string().regex(/^[0-9a-f-]{36}$/);
const territory = z.string().refine(isCountryCode, 'a territory is an ISO 3166-1 alpha-2 country code');

/**
 * Why the licences refuse an export: a code, a message, how to fix it, and the licence and tracks concerned.
 *
 * @example
 * const check = await bridge.call('exports.check', { projectId, territory: 'US' });
 * for (const r of check.reasons) console.log(`${r.message} — ${r.fix}`);
 */
export const rightsReasonSchema = z.object({
  code: z.string(),
  message: z.string(),
  fix: z.string(),
  licenceId: z.string().optional(),
  trackIds: z.array(z.string()).optional(),
});
export type RightsReasonView = z.infer<typeof rightsReasonSchema>;

const splitSchema = z.object({
  partyId: z.string(),
  name: z.string(),
  role: z.string(),
  shareBp: z.number(),
  isni: z.string().optional(),
  ipi: z.string().optional(),
});

/**
 * What `exports.start` renders: format, bit depth, rate, territory, loudness target, credits, channel and bundle.
 *
 * @example
 * await bridge.call('exports.start', { projectId, format: 'flac', bitDepth: 24, normalizeLufs: -14, isrc: 'ZZ-ABC-26-00001', bundle: 'zip', taskId });
 */
export const exportOptionsSchema = z
  .object({
    projectId,
    /** Where to write; default: the library's exports folder, named after the title. */
    path: z.string().min(1).max(4096).optional(),
    format: z.enum(['wav', 'flac', 'mp3']).default('wav'),
    bitDepth: z.union([z.literal(16), z.literal(24)]).default(24),
    /** The export's rate; default the project's (its sources'). Another rate goes through the mastering-grade resampler. */
    sampleRate: z.literal(PROJECT_SAMPLE_RATES).optional(),
    territory: territory.optional(),
    /** Integrated loudness target in LUFS (true peak kept under −1 dBTP); none to leave the mix as is. */
    normalizeLufs: z.number().min(-40).max(-5).nullable().default(null),
    title: z.string().min(1).max(200).superRefine(refuseUnsafeCharacters).optional(),
    /** The name credited as remixer/performer; default: the library's artist name setting. */
    creator: z.string().min(1).max(200).superRefine(refuseUnsafeCharacters).optional(),
    /** The export's own ISRC, if the creator's distributor assigned one (embedded as TSRC / ISRC; matches listener plays). */
    isrc: z
      .string()
      .max(20)
      .transform((value, ctx) => normalizeIsrc(value) ?? (ctx.addIssue({ code: 'custom', message: `"${value}" is not an ISRC (CC-XXX-YY-NNNNN)` }), z.NEVER))
      .optional(),
    /** Where the export goes: checked against every licence's channel scope and carried in the record. */
    channel: z.enum(exportChannels).default('streaming-distribution'),
    /** An AI use the export is meant for (voice model, training), if any: every licence must allow it. */
    aiUse: z.enum(aiUses).optional(),
    /** Also write a delivery bundle beside the file: a folder, or one .zip (audio, credits.json, licences, ledger proof, split sheet). */
    bundle: z.enum(['folder', 'zip']).optional(),
    taskId: taskIdSchema.optional(),
  })
  .strict();

/**
 * The rights decision before an export: allowed or refused with reasons, the credits and the revenue splits it would carry.
 *
 * @example
 * const check = await bridge.call('exports.check', { projectId, territory: 'GB', channel: 'social-only' });
 * if (check.allowed) console.log(check.credits, check.splits?.master);
 */
export const exportCheckSchema = z.object({
  allowed: z.boolean(),
  reasons: z.array(rightsReasonSchema),
  territory: z.string(),
  date: z.string(),
  credits: z.array(z.string()),
  splits: z.object({ master: z.array(splitSchema), publishing: z.array(splitSchema), basis: z.array(z.string()) }).nullable(),
  creator: z.string().nullable(),
  /** Packages the export relies on that no rights holder signed (nothing proves who delivered them): package id and the recording title. */
  unsignedPackages: z.array(z.object({ id: z.string(), title: z.string() })),
  /** The channel judged. */
  channel: z.enum(exportChannels).optional(),
});
export type ExportCheck = z.infer<typeof exportCheckSchema>;

/**
 * What an export wrote: the file, its credits sidecar, hash, ledger position, loudness and notes.
 *
 * @example
 * const summary = await bridge.call('exports.start', { projectId, format: 'wav', taskId });
 * console.log(summary.path, summary.ledgerPosition, summary.loudness);
 */
export const exportSummarySchema = z.object({
  exportId: z.string(),
  path: z.string(),
  creditsPath: z.string(),
  format: z.string(),
  durationSec: z.number(),
  audioSha256: z.string(),
  ledgerPosition: z.number(),
  credits: z.array(z.string()),
  loudness: recordLoudnessSchema,
  /** What the creator must know about the result, e.g. a loudness target the true-peak ceiling held back. */
  notes: z.array(z.string()),
  /** The delivery bundle, when one was asked for. */
  bundlePath: z.string().optional(),
});
export type ExportSummary = z.infer<typeof exportSummarySchema>;

/**
 * One export of the library, and whether its file is still there with the audio the ledger recorded.
 *
 * @example
 * const exports = await bridge.call('exports.list', { projectId });
 * const changed = exports.filter((e) => e.fileState !== 'ok');
 */
export const exportListItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  versionType: z.string(),
  format: z.string(),
  path: z.string(),
  createdAt: z.string(),
  durationSec: z.number(),
  audioSha256: z.string(),
  projectId: z.string(),
  ledgerPosition: z.number(),
  creator: z.string(),
  isrc: z.string().nullable(),
  /** ok: the file is there and its audio matches the record; missing; modified. */
  fileState: z.enum(['ok', 'missing', 'modified']),
});
export type ExportListItem = z.infer<typeof exportListItemSchema>;

/**
 * What a file (or delivery bundle) says about itself: its record, signature, sidecar, tags and ledger entry, checked.
 *
 * @example
 * const inspection = await bridge.call('exports.inspect', { source: { path: '/home/me/Exports/Copper Sky (remix).wav' } });
 * console.log(inspection.audioMatches, inspection.ledger, inspection.signature?.status, inspection.problems);
 */
export const inspectionSchema = z.object({
  path: z.string(),
  format: z.string(),
  hasRecord: z.boolean(),
  exportId: z.string().nullable(),
  record: attributionRecordSchema.nullable(),
  audioSha256: z.string(),
  audioMatches: z.boolean(),
  ledger: z.enum(['matches', 'absent', 'differs']),
  /** The record's Ed25519 signature, checked against the key it carries (null without a record). */
  signature: z.object({ status: z.enum(['valid', 'invalid', 'absent']), byThisLibrary: z.boolean(), keyFingerprint: z.string().nullable() }).nullable(),
  /** FILE.credits.json beside the file, compared with the embedded record. */
  sidecar: z.enum(['matches', 'differs', 'absent', 'malformed']),
  /** Display tags (title, artist, remixer, composer) that say something other than the record. */
  tags: z.array(z.object({ tag: z.string(), found: z.string(), expected: z.string() })),
  /** A file without a record whose audio is a known export (its tags were stripped). */
  foundByAudio: z.object({ exportId: z.string(), title: z.string(), ledgerPosition: z.number() }).nullable(),
  problems: z.array(z.string()),
  /** For a delivery bundle (folder or .zip): what it holds and whether each part agrees with the audio's record. */
  bundle: z
    .object({
      files: z.array(z.string()),
      /** credits.json against the record embedded in the audio. */
      credits: z.enum(['matches', 'differs', 'absent', 'malformed']),
      /** split-sheet.pdf: present, a PDF, and naming this export. */
      splitSheet: z.enum(['matches', 'differs', 'absent', 'malformed']),
      /** Relied-on licences without their licences/ID.txt. */
      missingLicences: z.array(z.string()),
      /** ledger-proof.json: the chain from the record to a head the library signed. */
      ledgerProof: z.enum(['valid', 'invalid', 'absent']),
    })
    .optional(),
});
export type Inspection = z.infer<typeof inspectionSchema>;

/**
 * The ledger re-walked: intact or the first altered entry, its head, and the signed head it agrees with.
 *
 * @example
 * const result = await bridge.call('ledger.verify', {});
 * if (!result.ok) console.log(`broken at entry ${result.firstBadPosition}: ${result.problem}`);
 */
export const ledgerVerificationSchema = z.object({
  ok: z.boolean(),
  entries: z.number(),
  headHash: z.string().nullable(),
  firstBadPosition: z.number().nullable(),
  problem: z.string().nullable(),
  /** The signed ledger head kept outside the database (ledger-head.json), when valid. */
  signedHead: z.object({ position: z.number(), signedAt: z.string() }).nullable(),
});

/**
 * The export channels: check, start, list, show, inspect, bundle and reveal exports; verify the ledger.
 *
 * @example
 * const check = await bridge.call('exports.check', { projectId });
 * if (check.allowed) await bridge.call('exports.start', { projectId, taskId });
 * const { item, record } = await bridge.call('exports.show', { exportId });
 */
export const exportsEndpoints = {
  'exports.check': endpoint(
    z
      .object({
        projectId,
        territory: territory.optional(),
        creator: z.string().max(200).optional(),
        title: z.string().max(200).optional(),
        channel: z.enum(exportChannels).optional(),
        aiUse: z.enum(aiUses).optional(),
      })
      .strict(),
    exportCheckSchema,
  ),
  'exports.start': endpoint(exportOptionsSchema, exportSummarySchema),
  'exports.list': endpoint(z.object({ projectId: projectId.optional() }).strict(), z.array(exportListItemSchema)),
  'exports.show': endpoint(z.object({ exportId: z.string().max(64) }).strict(), z.object({ item: exportListItemSchema, record: attributionRecordSchema })),
  'exports.inspect': endpoint(z.object({ source: packageSourceSchema }).strict(), inspectionSchema),
  /** A delivery bundle of an existing export (its ledger proof reaches today's signed head). */
  'exports.bundle': endpoint(
    z.object({ exportId: z.string().max(64), kind: z.enum(['folder', 'zip']).default('folder'), path: z.string().min(1).max(4096).optional() }).strict(),
    z.object({ path: z.string(), files: z.array(z.string()) }),
  ),
  'exports.reveal': endpoint(z.object({ exportId: z.string().max(64) }).strict(), z.object({ revealed: z.boolean() })),
  'ledger.verify': endpoint(z.object({}).strict(), ledgerVerificationSchema),
};
