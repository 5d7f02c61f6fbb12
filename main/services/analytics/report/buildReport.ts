import type { AnalyticsReport, BreakdownRow, Headline } from '../../../../shared/contract/analyticsContract';
import { curveLength } from '../../../../shared/analytics/playDefinitions';
import { findDropOffs } from '../../../../shared/analytics/findDropOffs';
import { labelMoment, type ArrangementOutline } from '../../../../shared/analytics/labelMoment';
import { medianEndSecond, retentionCurve } from '../../../../shared/analytics/retentionCurve';
import type { AnalyticsReadQueries } from '../../../db/analytics/analyticsReadQueries';
import type { Counts } from '../../../db/analytics/analyticsWriteQueries';

export type ExportFacts = AnalyticsReport['export'];

/** One export's figures from its rollups (no plays are scanned). */
export interface ExportFigures {
  readonly headline: Headline;
  readonly retention: number[];
  readonly counts: Counts;
}

const add = (a: Counts, b: Counts): Counts => ({ plays: a.plays + b.plays, skips: a.skips + b.skips, completions: a.completions + b.completions, listenedMs: a.listenedMs + b.listenedMs });
const none: Counts = { plays: 0, skips: 0, completions: 0, listenedMs: 0 };

/** Headline rates from summed counts; null rates without plays. */
export function headlineOf(c: Counts, listeners: number, durationMs: number, medianShare: number | null): Headline {
  const rate = (n: number) => (c.plays ? n / c.plays : null);
  return { plays: c.plays, listeners, skipRate: rate(c.skips), completionRate: rate(c.completions), meanShare: c.plays ? c.listenedMs / (c.plays * durationMs) : null, medianShare };
}

/** Headline and retention curve of one tracked export. */
export function exportFigures(reads: AnalyticsReadQueries, seq: number, durationMs: number, excludeFlagged: boolean): ExportFigures {
  const counts = reads
    .totals(seq)
    .filter((t) => !excludeFlagged || !t.flagged)
    .reduce(add, none);
  const ended = new Float64Array(curveLength(durationMs));
  for (const e of reads.endings(seq)) if (!excludeFlagged || !e.flagged) ended[e.second] = (ended[e.second] ?? 0) + e.plays;
  const listeners = reads.listeners(seq);
  const median = medianEndSecond(ended, counts.plays);
  const headline = headlineOf(counts, (excludeFlagged ? listeners?.unflagged : listeners?.listeners) ?? 0, durationMs, median === null ? null : Math.min(1, (median * 1000) / durationMs));
  return { headline, retention: retentionCurve(ended, counts.plays), counts };
}

/** Breakdowns by country, source and day, and the flagged-play counts. */
export function breakdownsOf(reads: AnalyticsReadQueries, seq: number, durationMs: number, excludeFlagged: boolean) {
  const groups = new Map<string, Map<string, Counts>>();
  const flagged = { plays: 0, repeat: 0, burst: 0 };
  for (const row of reads.breakdowns(seq)) {
    if (row.dimension === 'flag') {
      flagged[row.key as 'repeat' | 'burst'] += row.plays;
      continue;
    }
    if (excludeFlagged && row.flagged) continue;
    let group = groups.get(row.dimension);
    if (!group) groups.set(row.dimension, (group = new Map()));
    group.set(row.key, add(group.get(row.key) ?? none, row));
  }
  for (const t of reads.totals(seq)) if (t.flagged) flagged.plays += t.plays;
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
    flagged,
  };
}

/** Drop-off moments of a retention curve, labelled with the arrangement. */
export function dropOffsOf(retention: number[], outline: ArrangementOutline, bpm: number): AnalyticsReport['dropOffs'] {
  return findDropOffs(retention).map((d) => {
    const label = labelMoment(d.second, 3, outline);
    return { ...d, beat: (d.second * bpm) / 60, section: label.section, entering: [...label.entering], leaving: [...label.leaving] };
  });
}
