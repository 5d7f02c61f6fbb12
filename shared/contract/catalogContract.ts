import { z } from 'zod';
import { refuseUnsafeCharacters } from '../text/refuseUnsafeCharacters';
import { endpoint } from './endpoint';
import { taskIdSchema } from './taskContract';
import { isCountryCode } from '../rights/territories';

const territory = z.string().refine(isCountryCode, 'a territory is an ISO 3166-1 alpha-2 country code');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * Whether a use (remix or cover) is allowed, with the licence reasons when it is not.
 *
 * @example
 * const { items } = await bridge.call('catalog.search', { text: 'copper sky' });
 * if (!items[0]!.remix.allowed) console.log(items[0]!.remix.reasons.join('\n'));
 */
export const permissionSchema = z.object({ allowed: z.boolean(), reasons: z.array(z.string()) });
export type PermissionView = z.infer<typeof permissionSchema>;

/**
 * One row of a catalog search: the recording's facts and whether it may be remixed or covered today.
 *
 * @example
 * const { total, items } = await bridge.call('catalog.search', { text: 'copper', mayRemix: true });
 * console.log(total, items.map((r) => `${r.title} — ${r.displayArtist} ${r.bpm} BPM`));
 */
export const recordingSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  displayArtist: z.string(),
  workTitle: z.string(),
  isrc: z.string(),
  label: z.string(),
  bpm: z.number(),
  key: z.string(),
  durationMs: z.number(),
  stemCount: z.number(),
  remix: permissionSchema,
  cover: permissionSchema,
});
export type RecordingSummary = z.infer<typeof recordingSummarySchema>;

const shareSchema = z.object({
  partyId: z.string(),
  name: z.string(),
  isni: z.string().nullable(),
  ipi: z.string().nullable(),
  role: z.string(),
  shareBp: z.number(),
});
const usabilitySchema = z.object({ usable: z.boolean(), reason: z.string().optional(), restrictions: z.array(z.string()) });

/**
 * One stem of a recording: its audio facts, and whether a remix or a cover may use it (and with which restrictions).
 *
 * @example
 * const detail = await bridge.call('catalog.recording', { id: 'kd-r-copper-sky' });
 * const usable = detail.stems.filter((s) => s.remix.usable).map((s) => s.name);
 */
export const stemInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  sha256: z.string(),
  format: z.string(),
  sampleRate: z.number(),
  channels: z.number(),
  durationSec: z.number(),
  loudnessLufs: z.number().nullable(),
  peakDbfs: z.number(),
  remix: usabilitySchema,
  cover: usabilitySchema,
});
export type StemInfo = z.infer<typeof stemInfoSchema>;

/**
 * A licence as the catalog shows it: who grants which uses, when, what credit it asks and its revenue share.
 *
 * @example
 * const { licences } = await bridge.call('catalog.recording', { id: 'kd-r-copper-sky', territory: 'DE' });
 * for (const l of licences) console.log(l.type, l.licensor, l.inactiveReason ?? 'in force');
 */
export const licenceViewSchema = z.object({
  id: z.string(),
  type: z.enum(['master', 'publishing']),
  licensor: z.string(),
  uses: z.array(z.string()),
  validFrom: z.string(),
  validUntil: z.string().nullable(),
  summary: z.string(),
  creditText: z.string(),
  rightsHolderShareBp: z.number(),
  /** Null when the licence is in force today in the chosen territory for at least one of its uses. */
  inactiveReason: z.string().nullable(),
  packageVersion: z.number(),
});
export type LicenceView = z.infer<typeof licenceViewSchema>;

/**
 * Everything about one recording, judged for a territory and date: work, owners and credits, stems, licences and their history.
 *
 * @example
 * const detail = await bridge.call('catalog.recording', { id: 'kd-r-copper-sky', territory: 'GB', date: '2026-06-01' });
 * console.log(detail.work.iswc, detail.stems.length, detail.cover.allowed);
 */
export const recordingDetailSchema = z.object({
  id: z.string(),
  title: z.string(),
  isrc: z.string(),
  displayArtist: z.string(),
  label: z.string(),
  bpm: z.number(),
  key: z.string(),
  durationMs: z.number(),
  releaseDate: z.string().nullable(),
  /** keyFingerprint: the Ed25519 key a signed package is pinned to; null when the package is unsigned. */
  package: z.object({ id: z.string(), title: z.string(), version: z.number(), keyFingerprint: z.string().nullable() }),
  work: z.object({ id: z.string(), title: z.string(), iswc: z.string().nullable(), writers: z.array(shareSchema), publishers: z.array(shareSchema) }),
  masterOwners: z.array(shareSchema),
  credits: z.array(z.object({ partyId: z.string(), name: z.string(), role: z.string(), instrument: z.string().nullable() })),
  stems: z.array(stemInfoSchema),
  licences: z.array(licenceViewSchema),
  licenceHistory: z.array(z.object({ licenceId: z.string(), packageVersion: z.number(), status: z.string(), recordedAt: z.string() })),
  remix: permissionSchema,
  cover: permissionSchema,
  territory: z.string(),
  date: z.string(),
});
export type RecordingDetail = z.infer<typeof recordingDetailSchema>;

/**
 * What importing a stem package did: new, updated or unchanged, its counts, licence changes and signature.
 *
 * @example
 * const summary = await bridge.call('catalog.import', { source: { path: 'resources/demo-catalog/kite-district-copper-sky' } });
 * console.log(summary.status, summary.recordings, summary.signature.status);
 */
export const importSummarySchema = z.object({
  packageId: z.string(),
  title: z.string(),
  version: z.number(),
  status: z.enum(['imported', 'updated', 'unchanged']),
  recordings: z.number(),
  stems: z.number(),
  licenceChanges: z.array(z.object({ licenceId: z.string(), status: z.string() })),
  /** Signed packages name their key's fingerprint; `pin` says whether this import pinned it (first signed version) or kept the pinned one. */
  signature: z.object({ status: z.enum(['signed', 'unsigned']), fingerprint: z.string().nullable(), pin: z.enum(['new', 'kept', 'none']) }),
});
export type ImportSummary = z.infer<typeof importSummarySchema>;

/**
 * A catalog search: text (title, artist, work, ISRC), BPM range, key, remix/cover permission, sort and a page.
 *
 * @example
 * await bridge.call('catalog.search', { text: 'harbour', bpmMin: 90, bpmMax: 110, mayCover: true, sort: 'bpm', limit: 20 });
 */
export const catalogSearchRequestSchema = z
  .object({
    text: z.string().max(200).optional(),
    bpmMin: z.number().min(0).max(1000).optional(),
    bpmMax: z.number().min(0).max(1000).optional(),
    key: z.string().max(20).optional(),
    mayRemix: z.boolean().optional(),
    mayCover: z.boolean().optional(),
    territory: territory.optional(),
    date: isoDate.optional(),
    sort: z.enum(['title', 'artist', 'bpm']).default('title'),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();

/**
 * Where a package comes from: a path the main process can read, or bytes the page uploaded.
 *
 * @example
 * await bridge.call('catalog.import', { source: { path: '/music/packages/glass-orchard' } });   // main reads it
 * await bridge.call('catalog.import', { source: { uploadId } });                               // the page uploaded it first
 */
export const packageSourceSchema = z.union([
  z.object({ path: z.string().min(1).max(4096) }).strict(),
  z.object({ uploadId: z.string().regex(/^[a-f0-9]{32}$/) }).strict(),
]);

/**
 * The catalog channels: search recordings, read one, list packages and pinned signing keys, import a package.
 *
 * @example
 * const packages = await bridge.call('catalog.packages', {});
 * const detail = await bridge.call('catalog.recording', { id: 'emb-r-glass-orchard' });
 */
export const catalogEndpoints = {
  'catalog.search': endpoint(
    catalogSearchRequestSchema,
    z.object({ total: z.number(), items: z.array(recordingSummarySchema), territory: z.string(), date: z.string() }),
  ),
  'catalog.recording': endpoint(
    z.object({ id: z.string().min(1).max(100), territory: territory.optional(), date: isoDate.optional() }).strict(),
    recordingDetailSchema,
  ),
  'catalog.packages': endpoint(
    z.object({}).strict(),
    z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        publisher: z.string(),
        version: z.number(),
        importedAt: z.string(),
        recordings: z.number(),
        keyFingerprint: z.string().nullable(),
      }),
    ),
  ),
  'catalog.keys': endpoint(z.object({}).strict(), z.array(z.string())),
  'catalog.import': endpoint(z.object({ source: packageSourceSchema, taskId: taskIdSchema.optional() }).strict(), importSummarySchema),
};

/**
 * The library's settings: the territory rights are judged in, the creator's name, recording latency per input.
 *
 * @example
 * const { territory, creatorName } = await bridge.call('settings.get', {});
 */
export const settingsSchema = z.object({
  territory,
  /** The name exports credit as remixer or performer. */
  creatorName: z.string().trim().min(1).max(200).superRefine(refuseUnsafeCharacters).nullable(),
  /**
   * Measured recording latency (round trip, ms) per input device id: what a
   * recorded take is moved earlier by. Updates merge per device.
   */
  inputLatencyMs: z.record(z.string().min(1).max(300), z.number().min(0).max(2000)),
});
export type Settings = z.infer<typeof settingsSchema>;

/**
 * Read the settings, or change some of them (the rest stay; latencies merge per input device).
 *
 * @example
 * await bridge.call('settings.update', { territory: 'FR' });
 * await bridge.call('settings.update', { inputLatencyMs: { [deviceId]: 12.5 } });
 */
export const settingsEndpoints = {
  'settings.get': endpoint(z.object({}).strict(), settingsSchema),
  'settings.update': endpoint(settingsSchema.partial().strict(), settingsSchema),
};
