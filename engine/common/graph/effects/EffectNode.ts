import type { EffectParams } from '../../../../shared/project/documentSchema';

/** A built effect: where audio goes in and comes out, and how to change its parameters live. */
export interface EffectNode {
  readonly input: AudioNode;
  readonly output: AudioNode;
  /** Applies new parameters of the same effect type without rebuilding (false: rebuild needed). */
  update(params: EffectParams, bpm: number): boolean;
  dispose(): void;
}

export const dbToGain = (db: number) => Math.pow(10, db / 20);

/** Dry/wet mix into one output with two inputs (pairwise, for deterministic sums). */
export function dryWet(context: BaseAudioContext, input: AudioNode, wetOutput: AudioNode, mix: number) {
  const dry = context.createGain();
  const wet = context.createGain();
  const output = context.createGain();
  dry.gain.value = 1 - mix;
  wet.gain.value = mix;
  input.connect(dry);
  wetOutput.connect(wet);
  dry.connect(output);
  wet.connect(output);
  return { dry, wet, output, setMix: (m: number) => ((dry.gain.value = 1 - m), (wet.gain.value = m)) };
}
