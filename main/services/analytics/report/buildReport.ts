import { FLAG_RULES, type FlagRuleId } from '../../../../shared/analytics/flagRules';
import type { AnalyticsReport, BreakdownRow, Headline } from '../../../../shared/contract/analyticsContract';
import { curveLength } from '../../../../shared/analytics/playDefinitions';
import { medianEndSecond, retentionCurve } from '../../../../shared/analytics/retentionCurve';
import type { AnalyticsReadQueries, ListenerCounts } from '../../../db/analytics/analyticsReadQueries';
import type { Counts } from '../../../db/analytics/analyticsWriteQueries';

export type ExportFacts = AnalyticsReport['export'];

/**
 * Which plays the figures count: all; those that count (not flagged, or
 * flagged and disputed — "exclude flagged"); or strictly the unflagged
 * (disputed flags upheld). Rollup rows carry the play state (playState).
 */
export type View = 'all' | 'counted' | 'strict';
export const inView = (view: View, state: number) => view === 'all' || state === 0 || (view === 'counted' && state === 2);

/** One export's figures from its rollups (no plays are scanned). */
export interface ExportFigures {
  readonly headline: Headline;
  readonly retention: number[];
  readonly counts: Counts;
  /** One-time listeners in the view (each brought exactly one play). */
  readonly oneTime: number;
}

export const add = (a: Counts, b: Counts): Counts => ({
  plays: a.plays + b.plays,
  skips: a.skips + b.skips,
  completions: a.completions + b.completions,
  listenedMs: a.listenedMs + b.listenedMs,
});
export const noCounts: Counts = { plays: 0, skips: 0, completions: 0, listenedMs: 0 };

/** Headline rates from summed counts; null rates without plays. */
export function headlineOf(c: Counts, listeners: number, durationMs: number, medianShare: number | null): Headline {
  const rate = (n: number) => (c.plays ? n / c.plays : null);
  return {
    plays: c.plays,
    listeners,
    skipRate: rate(c.skips),
    completionRate: rate(c.completions),
    meanShare: c.plays ? c.listenedMs / (c.plays * durationMs) : null,
    medianShare,
  };
}

/** Listeners and one-time listeners of a view. */
export function listenersIn(counts: ListenerCounts | undefined, view: View): { listeners: number; oneTime: number } {
  if (!counts) return { listeners: 0, oneTime: 0 };
  if (view === 'all') return { listeners: counts.listeners, oneTime: counts.oneTime };
  if (view === 'counted') return { listeners: counts.countedListeners, oneTime: counts.countedOneTime };
  return { listeners: counts.strictListeners, oneTime: counts.strictOneTime };
}

/** Headline and retention curve of one tracked export (seq −1: none yet). */
export function exportFigures(reads: AnalyticsReadQueries, seq: number, durationMs: number, view: View): ExportFigures {
  const counts = reads
    .totals(seq)
    .filter((t) => inView(view, t.flagged))
    .reduce(add, noCounts);
  const ended = new Float64Array(curveLength(durationMs));
  for (const e of reads.endings(seq)) if (inView(view, e.flagged)) ended[e.second] = (ended[e.second] ?? 0) + e.plays;
  const { listeners, oneTime } = listenersIn(reads.listeners(seq), view);
  const median = medianEndSecond(ended, counts.plays);
  const headline = headlineOf(counts, listeners, durationMs, median === null ? null : Math.min(1, (median * 1000) / durationMs));
  return { headline, retention: retentionCurve(ended, counts.plays), counts, oneTime };
}

/** One-time and returning listeners, the share of plays from each, and the repeat rate. */
export function segmentsOf(figures: ExportFigures): AnalyticsReport['segments'] {
  const { plays, listeners } = figures.headline;
  const share = (n: number) => (plays ? n / plays : null);
  const returning = listeners - figures.oneTime;
  return {
    oneTime: { listeners: figures.oneTime, plays: figures.oneTime, shareOfPlays: share(figures.oneTime) },
    returning: { listeners: returning, plays: plays - figures.oneTime, shareOfPlays: share(plays - figures.oneTime) },
    repeatRate: listeners ? returning / listeners : null,
  };
}

/** Breakdowns by country, source and day in the view, and the flagged plays: in all, disputed, per rule. */
export function breakdownsOf(reads: AnalyticsReadQueries, seq: number, durationMs: number, view: View) {
  const groups = new Map<string, Map<string, Counts>>();
  const byRule = Object.fromEntries(FLAG_RULES.map((r) => [r.id, 0])) as Record<FlagRuleId, number>;
  for (const row of reads.breakdowns(seq)) {
    if (row.dimension === 'flag') {
      byRule[row.key as FlagRuleId] += row.plays;
      continue;
    }
    if (!inView(view, row.flagged)) continue;
    let group = groups.get(row.dimension);
    if (!group) groups.set(row.dimension, (group = new Map()));
    group.set(row.key, add(group.get(row.key) ?? noCounts, row));
  }
  let flagged = 0;
  let disputed = 0;
  for (const t of reads.totals(seq)) {
    if (t.flagged) flagged += t.plays;
    if (t.flagged === 2) disputed += t.plays;
  }
  const rows = (dimension: string): BreakdownRow[] =>
    [...(groups.get(dimension) ?? new Map<string, Counts>())].map(([key, c]) => ({
      key,
      plays: c.plays,
      skipRate: c.skips / c.plays,
      completionRate: c.completions / c.plays,
      meanShare: c.listenedMs / (c.plays * durationMs),
    }));
  const byPlays = (a: BreakdownRow, b: BreakdownRow) => b.plays - a.plays || a.key.localeCompare(b.key);
  return {
    breakdowns: { country: rows('country').sort(byPlays), source: rows('source').sort(byPlays), day: rows('day').sort((a, b) => a.key.localeCompare(b.key)) },
    flagged: { plays: flagged, disputed, byRule },
  };
}
