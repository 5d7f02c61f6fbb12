import { z } from 'zod';
import { endpoint } from './endpoint';
import { taskIdSchema } from './taskContract';
import { packageSourceSchema } from './catalogContract';
import { publishTermsSchema } from '../lineage/publishTerms';
import { approvalRequestSchema } from '../lineage/approvalSchema';
import { exportChannels, permittedUses } from '../catalog/catalogPackageSchema';
import { normalizeIsrc } from '../rights/identifiers';

const exportId = z.string().max(64);
const projectId = z.string().regex(/^[0-9a-f-]{36}$/);

/**
 * Whether an export may be published as a source, and the widest terms its upstream licences allow.
 *
 * @example
 * const check = await bridge.call('lineage.publishCheck', { exportId });
 * if (check.relicensable) console.log(check.bound.uses, check.stems.map((s) => s.name));
 */
export const publishCheckSchema = z.object({
  exportId: z.string(),
  title: z.string(),
  /** False when a licence it relies on does not let derivatives be re-licensed: it may be released for listening only. */
  relicensable: z.boolean(),
  reasons: z.array(z.string()),
  /** The widest terms allowed: what a terms file's missing members become. */
  bound: z.object({
    uses: z.array(z.enum(permittedUses)),
    relicense: z.array(z.enum(permittedUses)),
    territories: z.object({ include: z.array(z.string()), exclude: z.array(z.string()) }),
    validFrom: z.string(),
    validUntil: z.string().nullable(),
    channels: z.array(z.enum(exportChannels)),
    approvalRequired: z.boolean(),
    inheritedRules: z.array(z.string()),
  }),
  /** The per-track stems that would be published (none for a lossy export), and why not when none. */
  stems: z.array(z.object({ trackId: z.string(), name: z.string() })),
  stemsUnavailable: z.string().nullable(),
  isrc: z.string().nullable(),
  published: z.array(z.object({ packageId: z.string(), path: z.string(), publishedAt: z.string() })),
});
export type PublishCheck = z.infer<typeof publishCheckSchema>;

/**
 * What `lineage.publish` writes: an export as a signed stem package under terms the upstream licences allow.
 *
 * @example
 * await bridge.call('lineage.publish', { exportId, out: '/home/me/packages/my-remix', stems: true, terms: { uses: ['remix'], revenue: { master: 2000, publishing: 1000 } } });
 */
export const publishRequestSchema = z
  .object({
    exportId,
    terms: publishTermsSchema,
    /** Render and include the per-track stems (they sum to the mix). */
    stems: z.boolean().default(false),
    /** The package folder to write (must not exist yet). */
    out: z.string().min(1).max(4096),
    /** A private key file (PKCS#8 PEM, Ed25519) to sign with; default: this library's own key. */
    keyPath: z.string().min(1).max(4096).optional(),
    /** The derivative recording's ISRC; default the export's own. */
    isrc: z
      .string()
      .max(20)
      .transform((value, ctx) => normalizeIsrc(value) ?? (ctx.addIssue({ code: 'custom', message: `"${value}" is not an ISRC (CC-XXX-YY-NNNNN)` }), z.NEVER))
      .optional(),
    taskId: taskIdSchema.optional(),
  })
  .strict();

/**
 * What publishing wrote: the package, its signing key, the stems and their null test against the export.
 *
 * @example
 * const summary = await bridge.call('lineage.publish', { exportId, out, stems: true, terms, taskId });
 * console.log(summary.packageId, summary.nullTestDb);   // e.g. -139.8
 */
export const publishSummarySchema = z.object({
  packageId: z.string(),
  path: z.string(),
  keyFingerprint: z.string(),
  stems: z.array(z.string()),
  /** RMS of (sum of the stems − the export), dBFS; null without stems. */
  nullTestDb: z.number().nullable(),
  licences: z.array(z.object({ id: z.string(), type: z.string(), summary: z.string() })),
  ancestors: z.number(),
});
export type PublishSummary = z.infer<typeof publishSummarySchema>;

const shareSchema = z.object({ name: z.string(), role: z.string(), shareBp: z.number() });
/**
 * A family tree of recordings and exports around one focus, with who receives which share at each node.
 *
 * @example
 * const graph = await bridge.call('lineage.graph', { recordingId: 'kd-r-copper-sky' });
 * for (const e of graph.edges) console.log(`${e.from} → ${e.to}`);
 */
export const lineageGraphSchema = z.object({
  focus: z.string(),
  nodes: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['original', 'derivative', 'export']),
      title: z.string(),
      maker: z.string(),
      generation: z.number(),
      recordingId: z.string().nullable(),
      exportId: z.string().nullable(),
      licences: z.array(z.string()),
      inLibrary: z.boolean(),
      receives: z.object({ master: z.array(shareSchema), publishing: z.array(shareSchema) }),
    }),
  ),
  edges: z.array(z.object({ from: z.string(), to: z.string() })),
});
export type LineageGraphView = z.infer<typeof lineageGraphSchema>;

/**
 * The lineage channels: family trees, publishing an export as a source, and licensors' approvals.
 *
 * @example
 * const request = await bridge.call('approvals.request', { projectId, licenceId, channel: 'streaming-distribution' });
 * await bridge.call('approvals.import', { source: { path: 'approval.json' } });
 */
export const lineageEndpoints = {
  'lineage.graph': endpoint(z.union([z.object({ recordingId: z.string().min(1).max(100) }).strict(), z.object({ exportId }).strict()]), lineageGraphSchema),
  'lineage.publishCheck': endpoint(z.object({ exportId }).strict(), publishCheckSchema),
  'lineage.publish': endpoint(publishRequestSchema, publishSummarySchema),
  /** The approval request a creator sends to a licensor for the project's current revision. */
  'approvals.request': endpoint(
    z.object({ projectId, licenceId: z.string().min(1).max(80), channel: z.enum(exportChannels).default('streaming-distribution') }).strict(),
    approvalRequestSchema,
  ),
  'approvals.import': endpoint(
    z.object({ source: packageSourceSchema }).strict(),
    z.object({ licence: z.string(), licensor: z.string(), project: z.string(), revision: z.number(), channel: z.string(), validUntil: z.string().nullable() }),
  ),
};
