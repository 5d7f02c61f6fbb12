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

/**
 * A moment where listeners left: the second, the share lost, and what the arrangement did there.
 *
 * @example
 * const report = await bridge.call('analytics.report', { exportId });
 * for (const d of report.dropOffs.filter((d) => d.significant)) console.log(d.second, d.lostShare, d.section, d.entering);
 */
export const dropOffSchema = z.object({
  second: z.number(),
  /** Whether the curve has enough plays and listeners for this dip to mean something (shared/analytics/dropOffSignificance). */
  significant: z.boolean(),
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
  /** With the revision and the time, what tells apart exports that share a title. */
  format: z.string(),
  ledgerPosition: z.number(),
});

const flagRuleSchema = z.enum(['repeat', 'burst', 'only-this-export', 'exact-end', 'country-spike']);

/**
 * A group of plays one flag rule caught, with why; disputable as a whole.
 *
 * @example
 * const { flagged } = await bridge.call('analytics.report', { exportId });
 * const [first] = flagged.catches;
 * if (first) await bridge.call('analytics.dispute', { exportId, catchId: first.id, disputed: true });
 */
export const flagCatchSchema = z.object({
  /** Names the catch for a dispute: rule, listener or country, minutes. */
  id: z.string(),
  rule: flagRuleSchema,
  reason: z.string(),
  /** A pseudonym of the listener (hex of the stored keyed hash), for rules about one listener. */
  listener: z.string().nullable(),
  country: z.string().nullable(),
  from: z.string(),
  to: z.string(),
  plays: z.number(),
  disputed: z.boolean(),
});
export type FlagCatchView = z.infer<typeof flagCatchSchema>;

const segmentSchema = z.object({ listeners: z.number(), plays: z.number(), shareOfPlays: z.number().nullable() });

/**
 * Retention of each version at one moment, side by side.
 *
 * @example
 * const { moments } = await bridge.call('analytics.report', { exportId });
 * for (const m of moments) console.log(m.second, m.origin, m.versions.map((v) => `r${v.revision}: ${v.lostShare ?? '—'}`));
 */
export const momentSchema = z.object({
  second: z.number(),
  /** Why this moment: a drop-off of this export, or a fix tried there ("Try a fix"). */
  origin: z.enum(['drop-off', 'fix']),
  /** For a fix: the project revision it was started as (versions exported from it or later contain it). */
  fixRevision: z.number().nullable(),
  versions: z.array(
    z.object({
      exportId: z.string(),
      title: z.string(),
      revision: z.number(),
      plays: z.number(),
      /** Share still listening at the moment, and three seconds later; what was lost between. */
      at: z.number().nullable(),
      after: z.number().nullable(),
      lostShare: z.number().nullable(),
    }),
  ),
});
export type MomentView = z.infer<typeof momentSchema>;

/**
 * Everything the dashboard shows for one export: headline figures, the retention curve and its
 * drop-offs, breakdowns, flagged plays, and the project's other versions beside it.
 *
 * @example
 * const report = await bridge.call('analytics.report', { exportId, excludeFlagged: true });
 * report.headline.completionRate;   // 0…1, or null without plays
 * report.retention[30];             // share of plays still listening at 0:30
 */
export const analyticsReportSchema = z.object({
  export: exportFactsSchema,
  excludeFlagged: z.boolean(),
  headline: headlineSchema,
  /** One-time listeners (one play) and returning listeners (more than one), and the share of plays from each, in the figures' view. */
  segments: z.object({ oneTime: segmentSchema, returning: segmentSchema, repeatRate: z.number().nullable() }),
  /** Share of plays still listening at each whole second (index = second). */
  retention: z.array(z.number()),
  dropOffs: z.array(dropOffSchema),
  /** The significance rule in words, and whether this curve has the plays and listeners for any drop-off to count. */
  dropOffRule: z.object({ text: z.string(), enoughPlays: z.boolean() }),
  /** Why drop-offs carry no section names (the project could not be read), or null. */
  sectionsNote: z.string().nullable(),
  breakdowns: z.object({ country: z.array(breakdownRowSchema), source: z.array(breakdownRowSchema), day: z.array(breakdownRowSchema) }),
  /** Plays that look artificial: how many, how many of them disputed, per rule (a play caught by two rules counts in both), and what each rule caught. */
  flagged: z.object({ plays: z.number(), disputed: z.number(), byRule: z.record(flagRuleSchema, z.number()), catches: z.array(flagCatchSchema) }),
  /** With flags excluded and some disputed: the figures if every disputed flag were upheld (both ways), else null. */
  upheld: z.object({ headline: headlineSchema }).nullable(),
  /** Other exports of the same project, for version-vs-version. */
  versions: z.array(z.object({ export: exportFactsSchema, headline: headlineSchema, retention: z.array(z.number()) })),
  /** This export's drop-offs and the fixes tried in its project, with every version's retention there side by side. */
  moments: z.array(momentSchema),
  /** Plays generated by "Simulate plays" (demo data, not real listeners), counted whether flagged or not. */
  simulatedPlays: z.number(),
  /** The creator's other exports of similar length (±25 %), pooled. */
  similar: z.object({ exports: z.number(), headline: headlineSchema }).nullable(),
});
export type AnalyticsReport = z.infer<typeof analyticsReportSchema>;

/**
 * One export in the analytics overview: its facts, headline figures and how many of its plays are flagged.
 *
 * @example
 * const items = await bridge.call('analytics.overview', { excludeFlagged: false });
 * for (const { export: e, headline, flaggedPlays } of items) console.log(e.title, headline.plays, flaggedPlays);
 */
export const overviewItemSchema = z.object({ export: exportFactsSchema, headline: headlineSchema, flaggedPlays: z.number() });
export type OverviewItem = z.infer<typeof overviewItemSchema>;

/**
 * What an import of listener plays did: lines read, plays added, duplicates, flagged,
 * kept aside and dropped, the malformed lines with why, and how plays were matched to exports.
 *
 * @example
 * const summary = await bridge.call('analytics.import', { source: { path: '/home/me/plays.csv' } });
 * console.log(`${summary.added} added, ${summary.duplicates} duplicates, ${summary.malformed} malformed`);
 */
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
  /** For a Spotify history: the listener its entries without a username were counted as. */
  spotifyListener: z.object({ how: z.enum(['file', 'named', 'earlier import']), label: z.string() }).nullable(),
  /** Track keys with no export, kept aside. */
  unmatched: z.array(z.object({ keyKind: z.string(), label: z.string(), plays: z.number() })),
  seconds: z.number(),
});
export type PlaysImportSummary = z.infer<typeof playsImportSummarySchema>;

/**
 * A flagged play with the rules that caught it.
 *
 * @example
 * const plays = await bridge.call('analytics.flaggedPlays', { exportId, limit: 20 });
 * for (const p of plays) console.log(p.playedAt, p.country, p.rules.join(', '));
 */
export const flaggedPlaySchema = z.object({
  playedAt: z.string(),
  listener: z.string(),
  msPlayed: z.number(),
  country: z.string(),
  rules: z.array(flagRuleSchema),
  disputed: z.boolean(),
});

/**
 * Plays kept aside for a track no export claims yet (e.g. a title of this creator), grouped by track key.
 *
 * @example
 * const groups = await bridge.call('analytics.aside', {});
 * for (const g of groups) console.log(g.label, g.plays, g.firstPlayedAt);
 */
export const asideGroupSchema = z.object({
  keyKind: z.string(),
  keyValue: z.string(),
  label: z.string(),
  plays: z.number(),
  firstPlayedAt: z.string(),
  lastPlayedAt: z.string(),
});

/**
 * The analytics channels: import and simulate plays, read reports and the overview, review flagged plays and dispute them, try a fix.
 *
 * @example
 * const summary = await bridge.call('analytics.simulate', { exportId, plays: 10_000, taskId });
 * const report = await bridge.call('analytics.report', { exportId });
 * const { projectId, beat } = await bridge.call('analytics.tryFix', { exportId, second: report.dropOffs[0]!.second });
 */
export const analyticsEndpoints = {
  'analytics.import': endpoint(
    z
      .object({
        source: packageSourceSchema,
        /** The name to record for an uploaded file. */
        fileName: z.string().min(1).max(255).optional(),
        /**
         * Who a Spotify history without usernames belongs to. Absent: a listener of
         * its own, derived from the file's content (the same file is the same
         * listener). A name: that listener (several files of one account, one name).
         * A file imported before keeps the listener it was first imported as.
         */
        listener: z.string().trim().min(1).max(200).optional(),
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
        seed: z
          .number()
          .int()
          .min(0)
          .max(2 ** 31)
          .default(1),
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
  /** Flagged plays of one export with the rules that caught each, newest first. */
  'analytics.flaggedPlays': endpoint(z.object({ exportId, limit: z.number().int().min(1).max(1000).default(100) }).strict(), z.array(flaggedPlaySchema)),
  /** The creator disputes what a flag rule caught (or takes the dispute back); the figures are judged again. */
  'analytics.dispute': endpoint(
    z.object({ exportId, catchId: z.string().min(1).max(100), disputed: z.boolean() }).strict(),
    z.object({ disputed: z.boolean() }),
  ),
  /** "Try a fix": the project becomes the exported revision again, as a new revision, opened at that moment. */
  'analytics.tryFix': endpoint(
    z.object({ exportId, second: z.number().min(0).max(86_400) }).strict(),
    z.object({ projectId: z.string(), revision: z.number(), beat: z.number() }),
  ),
} as const;
