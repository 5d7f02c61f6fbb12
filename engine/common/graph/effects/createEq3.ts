import type { EffectParams } from '../../../../shared/project/documentSchema';
import type { EffectNode } from './EffectNode';

type Eq3 = Extract<EffectParams, { type: 'eq3' }>;

/** Three-band EQ: low shelf, a broad mid bell between the two corners, high shelf. */
export function createEq3(context: BaseAudioContext, params: Eq3): EffectNode {
  const low = context.createBiquadFilter();
  const mid = context.createBiquadFilter();
  const high = context.createBiquadFilter();
  low.type = 'lowshelf';
  mid.type = 'peaking';
  high.type = 'highshelf';
  mid.Q.value = 0.7;
  low.connect(mid).connect(high);
  const apply = (p: Eq3) => {
    low.frequency.value = p.lowHz;
    low.gain.value = p.lowDb;
    mid.frequency.value = Math.sqrt(p.lowHz * p.highHz);
    mid.gain.value = p.midDb;
    high.frequency.value = p.highHz;
    high.gain.value = p.highDb;
  };
  apply(params);
  return {
    input: low,
    output: high,
    update: (p) => p.type === 'eq3' && (apply(p), true),
    dispose: () => [low, mid, high].forEach((n) => n.disconnect()),
  };
}
