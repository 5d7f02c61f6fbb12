import { DAY_MS, HOUR_MS } from '../../../../shared/analytics/playDefinitions';
import type { ArrangementOutline } from '../../../../shared/analytics/labelMoment';
import { seededRandom } from '../../../../engine/common/dsp/seededRandom';

/** A generated play in the play-log vocabulary (what a line of docs/plays-format.md holds). */
export interface SimulatedPlay {
  readonly listenerId: string;
  readonly playedAt: number;
  readonly country: string;
  readonly source: string;
  readonly msPlayed: number;
  readonly reasonEnd: string;
}

export interface SimulationOptions {
  readonly plays: number;
  readonly seed: number;
  /** Plays spread over this many days before `endMs`. */
  readonly days: number;
  /** Share of plays from artificial patterns (repeat bots and 30-second bursts). */
  readonly artificialShare: number;
  readonly endMs: number;
  /** Listener ids are prefixed with this (keeps simulated listeners of different exports apart). */
  readonly listenerPrefix?: string;
}

const countries: [string, number][] = [
  ['US', 28],
  ['GB', 10],
  ['DE', 8],
  ['BR', 7],
  ['MX', 5],
  ['FR', 5],
  ['SE', 4],
  ['JP', 4],
  ['CA', 4],
  ['AU', 3],
  ['NL', 3],
  ['ES', 3],
  ['IT', 3],
  ['PL', 2],
  ['IN', 2],
  ['KR', 2],
  ['NO', 2],
  ['FI', 1],
  ['IE', 1],
  ['NZ', 1],
];
const sources: [string, number][] = [
  ['playlist', 45],
  ['search', 15],
  ['profile', 15],
  ['radio', 15],
  ['album', 5],
  ['other', 5],
];
/** Listening by hour of day (UTC): quiet nights, busy evenings. */
const hourWeights = [2, 1, 1, 1, 1, 2, 3, 4, 5, 5, 5, 6, 6, 6, 6, 7, 8, 9, 10, 10, 9, 7, 5, 3];

/** Draws an index with the given weights from a uniform number in [0, 1). */
function picker(weights: readonly number[]): (u: number) => number {
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative: number[] = [];
  let sum = 0;
  for (const w of weights) cumulative.push((sum += w / total));
  return (u) => {
    const i = cumulative.findIndex((c) => u < c);
    return i < 0 ? weights.length - 1 : i;
  };
}

/**
 * Where non-skipping listeners leave, per second: a small constant hazard,
 * more while the arrangement is thin, and a spike for three seconds after a
 * stem drops out or a new section starts — the "weak moments" drop-off
 * analysis should find. Returns the cumulative probability of having left
 * by the end of each second.
 */
export function leavingCdf(outline: ArrangementOutline, durationSec: number): Float64Array {
  const seconds = Math.max(1, Math.floor(durationSec));
  const active = new Float64Array(seconds);
  const spikes = new Float64Array(seconds);
  for (const stem of outline.stems) {
    for (const range of stem.ranges) {
      for (let t = Math.max(0, Math.floor(range.startSec)); t < Math.min(seconds, range.endSec); t++) active[t]!++;
      const resumes = stem.ranges.some((other) => other !== range && Math.abs(other.startSec - range.endSec) < 0.05);
      if (!resumes && range.endSec < durationSec - 3) for (let t = Math.floor(range.endSec); t < Math.min(seconds, range.endSec + 3); t++) spikes[t]! += 0.035;
    }
  }
  for (const m of outline.markers)
    if (m.sec > 1 && m.sec < durationSec - 3) for (let t = Math.floor(m.sec); t < Math.min(seconds, m.sec + 3); t++) spikes[t]! += 0.02;
  const most = Math.max(1, ...active);
  const cdf = new Float64Array(seconds);
  let hazard = 0;
  for (let t = 0; t < seconds; t++) {
    hazard += 0.0015 + 0.005 * (1 - active[t]! / most) + spikes[t]!;
    cdf[t] = 1 - Math.exp(-hazard);
  }
  return cdf;
}

/**
 * Realistic plays of one export for demos and benchmarks: a fifth of
 * listeners skip in the first 30 s, the rest leave more at weak moments of
 * the arrangement (see leavingCdf) or finish; a skewed listener pool (some
 * come back often), countries and sources by weight, evenings busier than
 * nights. `artificialShare` of the plays mimic bots (one listener replaying
 * all day; bursts stopping at 30–31 s). Deterministic for a seed.
 */
export function* simulatePlays(outline: ArrangementOutline, durationMs: number, options: SimulationOptions): Generator<SimulatedPlay> {
  const random = seededRandom(options.seed);
  const cdf = leavingCdf(outline, durationMs / 1000);
  const country = picker(countries.map(([, w]) => w));
  const source = picker(sources.map(([, w]) => w));
  const hour = picker(hourWeights);
  const prefix = options.listenerPrefix ?? `sim${options.seed}`;
  const pool = Math.max(20, Math.round(options.plays / 2.5));
  const startDay = Math.floor(options.endMs / DAY_MS) - options.days;
  const when = () => (startDay + Math.floor(random() * options.days)) * DAY_MS + hour(random()) * HOUR_MS + Math.floor(random() * HOUR_MS);
  const organic = () => {
    const u = random();
    if (u < 0.2) return { msPlayed: Math.floor(2000 + 26_000 * random() ** 1.5), reasonEnd: u < 0.14 ? 'fwdbtn' : u < 0.16 ? 'backbtn' : 'endplay' };
    const r = random();
    let lo = 0;
    let hi = cdf.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    if (lo >= cdf.length) return { msPlayed: durationMs + Math.floor(random() * 1500), reasonEnd: 'trackdone' };
    const v = random();
    return {
      msPlayed: Math.min(durationMs - 1, Math.floor((lo + random()) * 1000)),
      reasonEnd: v < 0.55 ? 'fwdbtn' : v < 0.85 ? 'endplay' : v < 0.95 ? 'logout' : 'other',
    };
  };

  const artificial = Math.round(options.plays * options.artificialShare);
  for (let i = 0; i < options.plays - artificial; i++) {
    const listener = Math.floor(pool * random() ** 1.7);
    const play = organic();
    yield { listenerId: `${prefix}-${listener}`, playedAt: when(), country: countries[country(random())]![0], source: sources[source(random())]![0], ...play };
  }
  // Artificial patterns: half replaying bots (60–150 plays in one day), half 30-second bursts within one hour.
  // A burst must outnumber the hour's real plays to stand out (see the burst rule); busy evening hours have ~1.75× the average.
  const busiestHour = ((options.plays / (options.days * 24)) * 1.75) | 0;
  let left = artificial;
  for (let bot = 0; left > 0; bot++) {
    const repeat = bot % 2 === 0;
    const size = Math.min(left, repeat ? 60 + Math.floor(random() * 90) : 2 * busiestHour + 40 + Math.floor(random() * 40));
    const base = when() - (when() % HOUR_MS);
    for (let j = 0; j < size; j++) {
      const playedAt = repeat ? base - (base % DAY_MS) + Math.floor(random() * DAY_MS) : base + Math.floor(random() * HOUR_MS);
      const listenerId = repeat ? `${prefix}-bot-${bot}` : `${prefix}-burst-${bot}-${j}`;
      const play = repeat ? organic() : { msPlayed: 30_000 + Math.floor(random() * 1999), reasonEnd: 'endplay' };
      yield { listenerId, playedAt, country: countries[country(random())]![0], source: repeat ? 'radio' : 'playlist', ...play };
    }
    left -= size;
  }
}
