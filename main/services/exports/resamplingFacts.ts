import type { Resampling } from '../../../engine/common/render/renderProject';
import type { AttributionRecord } from '../../../shared/rights/attributionRecord';

/**
 * What the attribution record says about rate conversion: null when the
 * export kept its sources' rate throughout, else the resampler and each
 * conversion it made (every source at one rate, or the master bus).
 */
export function resamplingFacts(resampling: readonly Resampling[]): AttributionRecord['output']['resampling'] {
  if (resampling.length === 0) return null;
  return {
    method: resampling[0]!.method,
    conversions: resampling.map((r) => ({
      stage: r.stage,
      fromHz: r.fromRate,
      toHz: r.toRate,
      passbandHz: r.passbandHz,
      stopbandDb: r.stopbandDb,
      tapsPerPhase: r.tapsPerPhase,
    })),
  };
}
