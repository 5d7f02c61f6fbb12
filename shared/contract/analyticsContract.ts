import { z } from 'zod';
import { endpoint } from './endpoint';
import { taskIdSchema } from './taskContract';
import { packageSourceSchema } from './catalogContract';

const exportId = z.string().regex(/^[0-9a-f-]{36}$/);

const headlineSchema = z.object({
  plays: z.number(),
  listeners: z.number(),
  /** Shares 0…1; null without plays. */
  skipRate: z.number().nullable(),
  completionRate: z.number().nullable(),
  meanShare: z.number().nullable(),
  medianShare: z.number().nullable(),
});
export type Headline = z.infer<typeof headlineSchema>;

const breakdownRowSchema = z.object({ key: z.string(), plays: z.number(), skipRate: z.number(), completionRate: z.number(), meanShare: z.number() });
export type BreakdownRow = z.infer<typeof breakdownRowSchema>;

export const dropOffSchema = z.object({
  second: z.number(),
  /** The same moment in the project's beats (at the exported revision's tempo), for "Open in studio". */
  beat: z.number(),
  lostShare: z.number(),
  section: z.string().nullable(),
  entering: z.array(z.string()),
  leaving: z.array(z.string()),
});
export type DropOffView = z.infer<typeof dropOffSchema>;

const exportFactsSchema = z.object({
  id: z.string(),
  title: z.string(),
  creator: z.string(),
  versionType: z.string(),
  durationSec: z.number(),
  createdAt: z.string(),
  projectId: z.string(),
  revision: z.number(),
  audioSha256: z.string(),
});

export const analyticsReportSchema = z.object({
  export: exportFactsSchema,
  excludeFlagged: z.boolean(),
  headline: headlineSchema,
  /** Share of plays still listening at each whole second (index = second). */
  retention: z.array(z.number()),
  dropOffs: z.array(dropOffSchema),
  /** Why drop-offs carry no section names (the project could not be read), or null. */
  sectionsNote: z.string().nullable(),
  breakdowns: z.object({ country: z.array(breakdownRowSchema), source: z.array(breakdownRowSchema), day: z.array(breakdownRowSchema) }),
  flagged: z.object({ plays: z.number(), repeat: z.number(), burst: z.number() }),
  /** Other exports of the same project, for version-vs-version. */
  versions: z.array(z.object({ export: exportFactsSchema, headline: headlineSchema, retention: z.array(z.number()) })),
  /** The creator's other exports of similar length (±25 %), pooled. */
  similar: z.object({ exports: z.number(), headline: headlineSchema }).nullable(),
});
export type AnalyticsReport = z.infer<typeof analyticsReportSchema>;

export const overviewItemSchema = z.object({ export: exportFactsSchema, headline: headlineSchema, flaggedPlays: z.number() });
export type OverviewItem = z.infer<typeof overviewItemSchema>;

export const playsImportSummarySchema = z.object({
  importId: z.number().nullable(),
  format: z.string(),
  lines: z.number(),
  added: z.number(),
  duplicates: z.number(),
  flagged: z.number(),
  ignored: z.number(),
  /** Plays kept aside: no export yet, but one of this library could claim them (a title by its creator, an ISRC of its registrant code). */
  aside: z.number(),
  /** Plays of tracks no export of this library can ever claim (other artists' tracks in a fan's history): dropped, never stored. */
  dropped: z.number(),
  /** How many different tracks those were. */
  droppedTracks: z.number(),
  malformed: z.number(),
  /** The first malformed lines with why (up to 100). */
  problems: z.array(z.object({ line: z.number(), reason: z.string() })),
  /** How plays were matched to exports (one row per track key). */
  matches: z.array(z.object({ how: z.string(), label: z.string(), exportId: z.string(), exportTitle: z.string(), plays: z.number() })),
  /** Track keys with no export, kept aside. */
  unmatched: z.array(z.object({ keyKind: z.string(), label: z.string(), plays: z.number() })),
  seconds: z.number(),
});
export type PlaysImportSummary = z.infer<typeof playsImportSummarySchema>;

export const asideGroupSchema = z.object({ keyKind: z.string(), keyValue: z.string(), label: z.string(), plays: z.number(), firstPlayedAt: z.string(), lastPlayedAt: z.string() });

export const analyticsEndpoints = {
  'analytics.import': endpoint(
    z
      .object({
        source: packageSourceSchema,
        /** The name to record for an uploaded file. */
        fileName: z.string().min(1).max(255).optional(),
        /** Listener id for a Spotify history without usernames. */
        listener: z.string().min(1).max(200).optional(),
        taskId: taskIdSchema.optional(),
      })
      .strict(),
    playsImportSummarySchema,
  ),
  'analytics.simulate': endpoint(
    z
      .object({
        exportId,
        plays: z.number().int().min(1).max(10_000_000),
        seed: z.number().int().min(0).max(2 ** 31).default(1),
        days: z.number().int().min(1).max(365).default(28),
        /** Share of plays from artificial patterns (repeat bots, 30-second bursts), to see flagging at work. */
        artificialShare: z.number().min(0).max(0.5).default(0.02),
        taskId: taskIdSchema.optional(),
      })
      .strict(),
    playsImportSummarySchema,
  ),
  'analytics.report': endpoint(z.object({ exportId, excludeFlagged: z.boolean().default(false) }).strict(), analyticsReportSchema),
  'analytics.overview': endpoint(z.object({ excludeFlagged: z.boolean().default(false) }).strict(), z.array(overviewItemSchema)),
  'analytics.aside': endpoint(z.object({}).strict(), z.array(asideGroupSchema)),
} as const;
