import type { EffectParams } from '../../../../shared/project/documentSchema';
import { dbToGain, type EffectNode } from './EffectNode';

type Compressor = Extract<EffectParams, { type: 'compressor' }>;

/** Web Audio's compressor (soft 6 dB knee) followed by make-up gain. */
export function createCompressor(context: BaseAudioContext, params: Compressor): EffectNode {
  const compressor = context.createDynamicsCompressor();
  const makeup = context.createGain();
  compressor.knee.value = 6;
  compressor.connect(makeup);
  const apply = (p: Compressor) => {
    compressor.threshold.value = p.thresholdDb;
    compressor.ratio.value = p.ratio;
    compressor.attack.value = p.attackMs / 1000;
    compressor.release.value = p.releaseMs / 1000;
    makeup.gain.value = dbToGain(p.makeupDb);
  };
  apply(params);
  return {
    input: compressor,
    output: makeup,
    update: (p) => p.type === 'compressor' && (apply(p), true),
    dispose: () => [compressor, makeup].forEach((n) => n.disconnect()),
  };
}
