import type { EffectParams } from '../../../shared/project/documentSchema';
import { reverbImpulse } from '../dsp/reverbImpulse';

type Reverb = Extract<EffectParams, { type: 'reverb' }>;

/** A convolution of a whole signal with one impulse response (the environment's fastest: PFFFT in Node). */
export interface Convolver {
  process(input: Float32Array): Float32Array;
  dispose(): void;
}
export type CreateConvolver = (impulse: Float32Array) => Convolver;

/**
 * The reverb effect (createReverb) over a whole rendered stereo signal,
 * exactly as its nodes compute it but for the convolution itself: the same
 * seeded impulse, left through the impulse's left channel and right through
 * its right, then dry·(1 − mix) + wet·mix in float32 as the gain nodes do.
 */
export function applyReverb(channels: readonly Float32Array[], params: Reverb, seed: number, sampleRate: number, createConvolver: CreateConvolver): Float32Array[] {
  const impulse = reverbImpulse(sampleRate, params.decaySec, params.preDelayMs / 1000, seed);
  const dryGain = Math.fround(1 - params.mix);
  const wetGain = Math.fround(params.mix);
  return channels.map((dry, c) => {
    const convolver = createConvolver(impulse[c % impulse.length]!);
    let wet: Float32Array;
    try {
      wet = convolver.process(dry);
    } finally {
      convolver.dispose();
    }
    const out = new Float32Array(dry.length);
    for (let i = 0; i < dry.length; i++) out[i] = Math.fround(dry[i]! * dryGain) + Math.fround(wet[i]! * wetGain);
    return out;
  });
}
