/**
 * A deliberately plain reimplementation of the play metrics, straight from
 * docs/plays-format.md, to check the importer's rollups against: no
 * histograms, no incremental state — sets, sorts and loops over every play.
 */
export interface RefPlay {
  exportId: string;
  listener: string;
  playedAt: number;
  country: string;
  source: string;
  msPlayed: number;
  reasonEnd: string;
}

export interface RefMetrics {
  plays: number;
  listeners: number;
  skipRate: number | null;
  completionRate: number | null;
  meanShare: number | null;
  medianShare: number | null;
  retention: number[];
  byCountry: Map<string, number>;
  flagged: number;
}

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** Same play = same export, start time, listener and time played; the first one read wins. */
export function dedupe(plays: RefPlay[]): RefPlay[] {
  const seen = new Set<string>();
  return plays.filter((p) => {
    const key = `${p.exportId}|${p.playedAt}|${p.listener}|${p.msPlayed}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Which plays look artificial, judged over all plays of the export. */
export function referenceFlags(plays: RefPlay[]): Set<RefPlay> {
  const flagged = new Set<RefPlay>();
  const byListenerDay = new Map<string, RefPlay[]>();
  const byHour = new Map<string, RefPlay[]>();
  for (const p of plays) {
    const ld = `${p.exportId}|${p.listener}|${Math.floor(p.playedAt / DAY)}`;
    byListenerDay.set(ld, [...(byListenerDay.get(ld) ?? []), p]);
    const h = `${p.exportId}|${Math.floor(p.playedAt / HOUR)}`;
    byHour.set(h, [...(byHour.get(h) ?? []), p]);
  }
  for (const group of byListenerDay.values()) if (group.length >= 20) group.forEach((p) => flagged.add(p));
  for (const group of byHour.values()) {
    const thirty = group.filter((p) => p.msPlayed >= 30_000 && p.msPlayed < 32_000);
    if (thirty.length >= 10 && thirty.length >= group.length / 2) thirty.forEach((p) => flagged.add(p));
  }
  return flagged;
}

export function referenceMetrics(all: RefPlay[], exportId: string, durationMs: number, excludeFlagged: boolean): RefMetrics {
  const mine = dedupe(all).filter((p) => p.exportId === exportId);
  const flags = referenceFlags(mine);
  const plays = excludeFlagged ? mine.filter((p) => !flags.has(p)) : mine;
  const n = plays.length;
  const heard = plays.map((p) => Math.min(p.msPlayed, durationMs));
  const completes = plays.map((p) => p.reasonEnd === 'trackdone' || p.msPlayed >= 0.95 * durationMs);
  const skips = plays.filter((p, i) => p.msPlayed < 30_000 && !completes[i]).length;
  const seconds = heard.map((ms) => Math.floor(ms / 1000)).sort((a, b) => a - b);
  const median = n === 0 ? null : n % 2 ? seconds[(n - 1) / 2]! : (seconds[n / 2 - 1]! + seconds[n / 2]!) / 2;
  const retention: number[] = [];
  for (let t = 0; t <= Math.floor(durationMs / 1000); t++) retention.push(n ? heard.filter((ms) => ms >= t * 1000).length / n : 0);
  const byCountry = new Map<string, number>();
  for (const p of plays) byCountry.set(p.country, (byCountry.get(p.country) ?? 0) + 1);
  return {
    plays: n,
    listeners: new Set(plays.map((p) => p.listener)).size,
    skipRate: n ? skips / n : null,
    completionRate: n ? completes.filter(Boolean).length / n : null,
    meanShare: n ? heard.reduce((a, b) => a + b, 0) / (n * durationMs) : null,
    medianShare: median === null ? null : Math.min(1, (median * 1000) / durationMs),
    retention,
    byCountry,
    flagged: flags.size,
  };
}
