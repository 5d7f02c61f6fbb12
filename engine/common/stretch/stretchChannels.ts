import type { SignalsmithWasm } from './loadSignalsmith';
import { readArrays, StretchVoice, type StretchOptions } from './StretchVoice';

export type { StretchOptions } from './StretchVoice';

/**
 * Time-stretches and/or pitch-shifts whole channels offline: a StretchVoice
 * from frame 0, rendered to `round(length · timeFactor)` frames — the same
 * samples the live stream plays for the same start.
 *
 * @example
 * const [left, right] = stretchChannels(await createSignalsmith(), [l, r], 44100, { timeFactor: 100 / 108, semitones: 0 });
 */
export function stretchChannels(wasm: SignalsmithWasm, input: readonly Float32Array[], sampleRate: number, options: StretchOptions): Float32Array[] {
  if (options.timeFactor === 1 && options.semitones === 0) return input.map((c) => c.slice());
  const outputLength = Math.round((input[0]?.length ?? 0) * options.timeFactor);
  const output = input.map(() => new Float32Array(outputLength));
  new StretchVoice(wasm, input.length, sampleRate, options, 0, readArrays(input)).render(output, 0, outputLength);
  return output;
}
