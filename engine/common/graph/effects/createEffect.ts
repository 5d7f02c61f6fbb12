import type { Effect } from '../../../../shared/project/documentSchema';
import { seedOf } from '../../dsp/seededRandom';
import type { EffectNode } from './EffectNode';
import { createEq3 } from './createEq3';
import { createCompressor } from './createCompressor';
import { createReverb } from './createReverb';
import { createDelay } from './createDelay';
import { createFilter } from './createFilter';

/** Builds one effect of a track's chain from its document entry. */
export function createEffect(context: BaseAudioContext, effect: Effect, bpm: number): EffectNode {
  const p = effect.params;
  switch (p.type) {
    case 'eq3':
      return createEq3(context, p);
    case 'compressor':
      return createCompressor(context, p);
    case 'reverb':
      return createReverb(context, p, seedOf(effect.id));
    case 'delay':
      return createDelay(context, p, bpm);
    case 'filter':
      return createFilter(context, p);
  }
}

/** Seconds an effect keeps sounding after its input stops (reverb decay, delay echoes down to −60 dB). */
export function effectTail(effect: Effect, bpm: number): number {
  const p = effect.params;
  if (!effect.enabled) return 0;
  if (p.type === 'reverb') return p.decaySec + p.preDelayMs / 1000;
  if (p.type === 'delay')
    return p.feedback <= 0 ? (p.beats * 60) / bpm : Math.min(10, ((p.beats * 60) / bpm) * Math.max(1, Math.log(0.001) / Math.log(p.feedback)));
  return 0;
}
