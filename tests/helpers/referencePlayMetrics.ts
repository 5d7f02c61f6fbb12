/**
 * A deliberately plain reimplementation of the play metrics, straight from
 * docs/plays-format.md, to check the importer's rollups against: no
 * histograms, no incremental state, no clever windows — sets, sorts and
 * loops over every play, every window tried.
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

/**
 * A play as one line of the Stemroom play log (NDJSON, docs/plays-format.md).
 *
 * @example
 * fs.writeFileSync(file, plays.map(refPlayNdjson).join('\n'));
 */
export function refPlayNdjson(p: RefPlay): string {
  return JSON.stringify({
    export_id: p.exportId,
    listener_id: p.listener,
    played_at: new Date(p.playedAt).toISOString(),
    country: p.country,
    source: p.source,
    ms_played: p.msPlayed,
    reason_end: p.reasonEnd,
  });
}

export type RefRule = 'repeat' | 'burst' | 'only-this-export' | 'exact-end' | 'country-spike';

/** The creator's dispute of a catch: plays of that rule (and listener, if given) of that export, started within those minutes. */
export interface RefDispute {
  exportId: string;
  rule: RefRule;
  listener: string | null;
  fromMinute: number;
  toMinute: number;
}

/** all: every play; counted: not flagged, or flagged with every rule disputed ("exclude flagged"); strict: not flagged. */
export type RefView = 'all' | 'counted' | 'strict';

export interface RefMetrics {
  plays: number;
  listeners: number;
  skipRate: number | null;
  completionRate: number | null;
  meanShare: number | null;
  medianShare: number | null;
  retention: number[];
  byCountry: Map<string, number>;
  /** Flagged plays (disputed or not), and per rule. */
  flagged: number;
  disputed: number;
  byRule: Record<RefRule, number>;
  oneTimeListeners: number;
  returningListeners: number;
  playsFromReturning: number;
}

const MINUTE = 60_000;
const minuteOf = (p: RefPlay) => Math.floor(p.playedAt / MINUTE);

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

/** Plays sorted by minute, to cut out the plays of a window by binary search (the only concession to speed). */
function byMinute(plays: RefPlay[]): { plays: RefPlay[]; minutes: number[] } {
  const sorted = [...plays].sort((a, b) => minuteOf(a) - minuteOf(b));
  return { plays: sorted, minutes: sorted.map(minuteOf) };
}

function firstAtOrAfter(minutes: number[], minute: number): number {
  let lo = 0;
  let hi = minutes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (minutes[mid]! < minute) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Is there a window of `width` consecutive minutes holding `p` in which `test` holds for the plays inside it? Every such window is tried. */
function someWindow(p: RefPlay, sorted: { plays: RefPlay[]; minutes: number[] }, width: number, test: (inside: RefPlay[]) => boolean): boolean {
  const m = minuteOf(p);
  for (let start = m - width + 1; start <= m; start++) {
    const inside = sorted.plays.slice(firstAtOrAfter(sorted.minutes, start), firstAtOrAfter(sorted.minutes, start + width));
    if (test(inside)) return true;
  }
  return false;
}

/**
 * Which rules catch each play of one export, judged over all (deduplicated)
 * plays of the library, and whether each flagged play is disputed.
 */
export function referenceFlags(
  library: RefPlay[],
  exportId: string,
  durationMs: number,
  disputes: RefDispute[] = [],
): Map<RefPlay, { rules: RefRule[]; disputed: boolean }> {
  const mine = library.filter((p) => p.exportId === exportId);
  const exportsPlayed = new Set(library.map((p) => p.exportId));
  const byListener = new Map<string, RefPlay[]>();
  for (const p of mine) byListener.set(p.listener, [...(byListener.get(p.listener) ?? []), p]);
  const sortedMine = byMinute(mine);
  const sortedOwn = new Map([...byListener].map(([listener, own]) => [listener, byMinute(own)]));
  const countryTotals = new Map<string, number>();
  for (const p of mine) countryTotals.set(p.country, (countryTotals.get(p.country) ?? 0) + 1);
  const otherExports = new Set(library.filter((q) => q.exportId !== exportId).map((q) => q.listener));
  const inBurst = (p: RefPlay) => p.msPlayed >= 30_000 && p.msPlayed < 32_000;
  const result = new Map<RefPlay, { rules: RefRule[]; disputed: boolean }>();
  for (const p of mine) {
    const own = byListener.get(p.listener)!;
    const rules: RefRule[] = [];
    if (own.length >= 20 && someWindow(p, sortedOwn.get(p.listener)!, 1440, (inside) => inside.length >= 20)) rules.push('repeat');
    if (
      inBurst(p) &&
      someWindow(p, sortedMine, 60, (inside) => {
        const bursts = inside.filter(inBurst).length;
        return bursts >= 10 && bursts >= 0.5 * inside.length;
      })
    )
      rules.push('burst');
    if (exportsPlayed.size >= 2 && own.length >= 10 && !otherExports.has(p.listener)) rules.push('only-this-export');
    if (own.length >= 5 && own.every((q) => q.msPlayed === durationMs)) rules.push('exact-end');
    if (
      mine.length >= 100 &&
      someWindow(p, sortedMine, 60, (inside) => {
        const same = inside.filter((q) => q.country === p.country).length;
        const others = mine.length - inside.length;
        const usual = countryTotals.get(p.country)! - same;
        return inside.length >= 50 && same >= 0.9 * inside.length && others >= 50 && usual / others < 0.5;
      })
    )
      rules.push('country-spike');
    if (!rules.length) continue;
    const disputedRule = (rule: RefRule) =>
      disputes.some(
        (d) =>
          d.exportId === exportId &&
          d.rule === rule &&
          (d.listener === null || d.listener === p.listener) &&
          minuteOf(p) >= d.fromMinute &&
          minuteOf(p) <= d.toMinute,
      );
    result.set(p, { rules, disputed: rules.every(disputedRule) });
  }
  return result;
}

export function referenceMetrics(all: RefPlay[], exportId: string, durationMs: number, view: RefView | boolean, disputes: RefDispute[] = []): RefMetrics {
  const chosen: RefView = view === true ? 'counted' : view === false ? 'all' : view;
  const library = dedupe(all);
  const mine = library.filter((p) => p.exportId === exportId);
  const flags = referenceFlags(library, exportId, durationMs, disputes);
  const plays = mine.filter((p) => {
    const f = flags.get(p);
    return chosen === 'all' || !f || (chosen === 'counted' && f.disputed);
  });
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
  const perListener = new Map<string, number>();
  for (const p of plays) perListener.set(p.listener, (perListener.get(p.listener) ?? 0) + 1);
  const oneTime = [...perListener.values()].filter((c) => c === 1).length;
  const byRule = { repeat: 0, burst: 0, 'only-this-export': 0, 'exact-end': 0, 'country-spike': 0 };
  for (const f of flags.values()) for (const rule of f.rules) byRule[rule]++;
  return {
    plays: n,
    listeners: perListener.size,
    skipRate: n ? skips / n : null,
    completionRate: n ? completes.filter(Boolean).length / n : null,
    meanShare: n ? heard.reduce((a, b) => a + b, 0) / (n * durationMs) : null,
    medianShare: median === null ? null : Math.min(1, (median * 1000) / durationMs),
    retention,
    byCountry,
    flagged: flags.size,
    disputed: [...flags.values()].filter((f) => f.disputed).length,
    byRule,
    oneTimeListeners: oneTime,
    returningListeners: perListener.size - oneTime,
    playsFromReturning: n - oneTime,
  };
}
