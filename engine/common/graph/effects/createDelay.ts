import type { EffectParams } from '../../../../shared/project/documentSchema';
import { dryWet, type EffectNode } from './EffectNode';

type Delay = Extract<EffectParams, { type: 'delay' }>;

/** Tempo-synced feedback delay (time in beats follows the project tempo). */
export function createDelay(context: BaseAudioContext, params: Delay, bpm: number): EffectNode {
  const input = context.createGain();
  const delay = context.createDelay(8);
  const feedback = context.createGain();
  input.connect(delay);
  delay.connect(feedback);
  feedback.connect(delay);
  const mix = dryWet(context, input, delay, params.mix);
  const apply = (p: Delay, tempo: number) => {
    delay.delayTime.value = Math.min(8, (p.beats * 60) / tempo);
    feedback.gain.value = p.feedback;
    mix.setMix(p.mix);
  };
  apply(params, bpm);
  return {
    input,
    output: mix.output,
    update: (p, tempo) => p.type === 'delay' && (apply(p, tempo), true),
    dispose: () => [input, delay, feedback, mix.dry, mix.wet, mix.output].forEach((n) => n.disconnect()),
  };
}
