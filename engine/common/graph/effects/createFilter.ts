import type { EffectParams } from '../../../../shared/project/documentSchema';
import type { EffectNode } from './EffectNode';

type Filter = Extract<EffectParams, { type: 'filter' }>;

/** A resonant low-, high- or band-pass filter. */
export function createFilter(context: BaseAudioContext, params: Filter): EffectNode {
  const filter = context.createBiquadFilter();
  const apply = (p: Filter) => {
    filter.type = p.mode;
    filter.frequency.value = p.frequencyHz;
    filter.Q.value = p.q;
  };
  apply(params);
  return { input: filter, output: filter, update: (p) => p.type === 'filter' && (apply(p), true), dispose: () => filter.disconnect() };
}
