import { integratedLoudness } from '../../../shared/dsp/loudness';
import { truePeakDb } from '../../../shared/dsp/truePeak';
import { LimiterDsp } from './LimiterDsp';

/**
 * EBU R 128's permitted deviation from a loudness target: within it, the target counts as reached.
 *
 * @example
 * const reached = Math.abs(measured.integratedLufs - target) <= LOUDNESS_TOLERANCE_LU;
 */
export const LOUDNESS_TOLERANCE_LU = 0.5;

/**
 * What loudness normalisation did: the gain, the limiter's ceiling, what the result measures, whether it reached the target.
 *
 * @example
 * const n: Normalized = normalizeLoudness(mix.channels, mix.sampleRate, -14);
 * if (!n.reached) notes.push(`Reached ${n.integratedLufs?.toFixed(1)} LUFS, not -14: the true-peak ceiling held it back.`);
 */
export interface Normalized {
  /** Gain applied before the limiter. */
  readonly gainDb: number;
  /** The limiter's sample ceiling (below the true-peak ceiling when inter-sample peaks needed room). */
  readonly limiterCeilingDb: number;
  /** What the normalised mix measures (null for silence). */
  readonly integratedLufs: number | null;
  readonly truePeakDbtp: number | null;
  readonly targetLufs: number;
  /** Within LOUDNESS_TOLERANCE_LU of the target. False when the true-peak ceiling held a loud target back (or the mix is silent). */
  readonly reached: boolean;
}

/** The mix at `gainDb`, limited until its 4× oversampled peak fits under `ceilingDbtp` (starting from `limiterCeilingDb`). */
function limitedAt(original: readonly Float32Array[], sampleRate: number, gainDb: number, ceilingDbtp: number, startCeilingDb = ceilingDbtp) {
  const gain = Math.pow(10, gainDb / 20);
  let limiterCeilingDb = startCeilingDb;
  for (let attempt = 0; ; attempt++) {
    const channels = original.map((c) => c.map((v) => v * gain));
    LimiterDsp.limitBuffer(channels, sampleRate, limiterCeilingDb);
    const truePeak = truePeakDb(channels);
    if (truePeak <= ceilingDbtp + 1e-3 || attempt === 5)
      return { channels, gainDb, limiterCeilingDb, truePeak, lufs: integratedLoudness(channels, sampleRate) };
    limiterCeilingDb -= truePeak - ceilingDbtp + 0.05;
  }
}

/**
 * Brings a mix to an integrated loudness target (EBU R128) with its true
 * peak at or under `ceilingDbtp`: gain, then the master limiter, its
 * ceiling tightened until the 4× oversampled peak fits. A loud target
 * makes the limiter take back part of the gain, so the gain is raised and
 * the mix limited again until it measures the target — or until more gain
 * barely makes it louder (the ceiling holds it back): then the loudest
 * result is kept and `reached` is false, and the caller says so. In place.
 *
 * @example
 * const n = normalizeLoudness(mix.channels, 48000, -14); // n.integratedLufs ≈ -14, n.truePeakDbtp ≤ -1
 */
export function normalizeLoudness(channels: Float32Array[], sampleRate: number, targetLufs: number, ceilingDbtp = -1): Normalized {
  const measured = integratedLoudness(channels, sampleRate);
  if (!Number.isFinite(measured)) return { gainDb: 0, limiterCeilingDb: ceilingDbtp, integratedLufs: null, truePeakDbtp: null, targetLufs, reached: false };
  const original = channels.map((c) => c.slice());
  const plainGain = targetLufs - measured;
  let best = limitedAt(original, sampleRate, plainGain, ceilingDbtp);
  let [before, last] = [best, best];
  for (let attempt = 1; attempt < 8 && Math.abs(last.lufs - targetLufs) > 0.05; attempt++) {
    // The limiter takes back part of each dB of gain: step by the secant of gain → loudness, not 1:1.
    const slope = last === before ? 1 : (last.lufs - before.lufs) / (last.gainDb - before.gainDb);
    const gainDb = Math.min(plainGain + 24, last.gainDb + (targetLufs - last.lufs) / Math.max(0.05, Math.min(1, slope)));
    if (Math.abs(gainDb - last.gainDb) < 1e-3) break;
    const next = limitedAt(original, sampleRate, gainDb, ceilingDbtp, last.limiterCeilingDb);
    if (Math.abs(next.lufs - targetLufs) < Math.abs(best.lufs - targetLufs)) best = next;
    // Saturated: each further dB of gain now buys less than a fifth of a LU.
    if (next.gainDb > last.gainDb && next.lufs - last.lufs < 0.2 * (next.gainDb - last.gainDb)) break;
    [before, last] = [last, next];
  }
  best.channels.forEach((c, i) => channels[i]!.set(c));
  return {
    gainDb: best.gainDb,
    limiterCeilingDb: best.limiterCeilingDb,
    integratedLufs: best.lufs,
    truePeakDbtp: best.truePeak,
    targetLufs,
    reached: Math.abs(best.lufs - targetLufs) <= LOUDNESS_TOLERANCE_LU,
  };
}
