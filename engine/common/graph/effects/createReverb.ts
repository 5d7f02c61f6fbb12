import type { EffectParams } from '../../../../shared/project/documentSchema';
import { reverbImpulse } from '../../dsp/reverbImpulse';
import { dryWet, type EffectNode } from './EffectNode';

type Reverb = Extract<EffectParams, { type: 'reverb' }>;

/** Convolution reverb with a seeded impulse (the same effect id always sounds the same). */
export function createReverb(context: BaseAudioContext, params: Reverb, seed: number): EffectNode {
  const input = context.createGain();
  const convolver = context.createConvolver();
  convolver.normalize = false;
  const loadImpulse = (p: Reverb) => {
    const channels = reverbImpulse(context.sampleRate, p.decaySec, p.preDelayMs / 1000, seed);
    const buffer = context.createBuffer(2, channels[0]!.length, context.sampleRate);
    channels.forEach((data, c) => buffer.copyToChannel(data as Float32Array<ArrayBuffer>, c));
    convolver.buffer = buffer;
  };
  loadImpulse(params);
  input.connect(convolver);
  const mix = dryWet(context, input, convolver, params.mix);
  let current = params;
  return {
    input,
    output: mix.output,
    update: (p) => {
      if (p.type !== 'reverb') return false;
      if (p.decaySec !== current.decaySec || p.preDelayMs !== current.preDelayMs) loadImpulse(p);
      mix.setMix(p.mix);
      current = p;
      return true;
    },
    dispose: () => [input, convolver, mix.dry, mix.wet, mix.output].forEach((n) => n.disconnect()),
  };
}
