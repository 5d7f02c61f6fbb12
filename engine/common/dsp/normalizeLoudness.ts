import { integratedLoudness } from '../../../shared/dsp/loudness';
import { truePeakDb } from '../../../shared/dsp/truePeak';
import { LimiterDsp } from './LimiterDsp';

export interface Normalized {
  readonly gainDb: number;
  readonly integratedLufs: number | null;
  readonly truePeakDbtp: number | null;
}

/**
 * Brings a mix to an integrated loudness target (EBU R128) and keeps its
 * true peak at or under `ceilingDbtp`: gain, then the master limiter,
 * tightening its ceiling until the 4× oversampled peak fits. In place.
 */
export function normalizeLoudness(channels: Float32Array[], sampleRate: number, targetLufs: number, ceilingDbtp = -1): Normalized {
  const measured = integratedLoudness(channels, sampleRate);
  if (!Number.isFinite(measured)) return { gainDb: 0, integratedLufs: null, truePeakDbtp: null };
  const gainDb = targetLufs - measured;
  const gain = Math.pow(10, gainDb / 20);
  const gained = channels.map((c) => c.map((v) => v * gain));
  let limiterCeiling = ceilingDbtp;
  for (let attempt = 0; attempt < 6; attempt++) {
    const limited = gained.map((c) => c.slice());
    LimiterDsp.limitBuffer(limited, sampleRate, limiterCeiling);
    const peak = truePeakDb(limited);
    if (peak <= ceilingDbtp + 1e-3 || attempt === 5) {
      limited.forEach((c, i) => channels[i]!.set(c));
      return { gainDb, integratedLufs: integratedLoudness(channels, sampleRate), truePeakDbtp: peak };
    }
    limiterCeiling -= peak - ceilingDbtp + 0.05;
  }
  throw new Error('unreachable');
}
