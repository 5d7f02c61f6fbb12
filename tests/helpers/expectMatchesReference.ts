import { expect } from 'vitest';
import type { AnalyticsReport } from '../../shared/contract/analyticsContract';
import { referenceMetrics, type RefDispute, type RefPlay } from './referencePlayMetrics';

/** Asserts a dashboard's figures equal the plain reference computation over the same plays (and disputes); returns the reference. */
export function expectMatchesReference(report: AnalyticsReport, all: RefPlay[], excludeFlagged: boolean, disputes: RefDispute[] = []) {
  const durationMs = Math.round(report.export.durationSec * 1000);
  const ref = referenceMetrics(all, report.export.id, durationMs, excludeFlagged, disputes);
  expect(report.headline.plays).toBe(ref.plays);
  expect(report.headline.listeners).toBe(ref.listeners);
  for (const key of ['skipRate', 'completionRate', 'meanShare', 'medianShare'] as const) {
    if (ref[key] === null) expect(report.headline[key], key).toBeNull();
    else expect(report.headline[key], key).toBeCloseTo(ref[key], 12);
  }
  expect(report.retention).toHaveLength(ref.retention.length);
  report.retention.forEach((r, t) => expect(r, `retention at ${t} s`).toBeCloseTo(ref.retention[t]!, 12));
  expect(new Map(report.breakdowns.country.map((c) => [c.key, c.plays]))).toEqual(ref.byCountry);
  expect(report.flagged.plays).toBe(ref.flagged);
  expect(report.flagged.disputed).toBe(ref.disputed);
  expect(report.flagged.byRule).toEqual(ref.byRule);
  expect(report.segments.oneTime.listeners).toBe(ref.oneTimeListeners);
  expect(report.segments.returning).toMatchObject({ listeners: ref.returningListeners, plays: ref.playsFromReturning });
  return ref;
}
