import type { Effect, EffectParams, EffectType, Track } from '../project/documentSchema';

/** The settings a new effect starts with (the same as the studio's effect panel). */
export const EFFECT_DEFAULTS: Readonly<Record<EffectType, EffectParams>> = {
  eq3: { type: 'eq3', lowDb: 0, midDb: 0, highDb: 0, lowHz: 250, highHz: 4000 },
  compressor: { type: 'compressor', thresholdDb: -18, ratio: 4, attackMs: 10, releaseMs: 150, makeupDb: 3 },
  reverb: { type: 'reverb', decaySec: 2.2, preDelayMs: 20, mix: 0.3 },
  delay: { type: 'delay', beats: 0.75, feedback: 0.35, mix: 0.25 },
  filter: { type: 'filter', mode: 'lowpass', frequencyHz: 2000, q: 0.8 },
};

/** Other sensible starting points, offered as further readings of "add reverb" and the like. */
export const EFFECT_PRESETS: Readonly<Record<EffectType, readonly { readonly label: string; readonly params: EffectParams }[]>> = {
  reverb: [
    { label: 'a short room, 0.9 s', params: { type: 'reverb', decaySec: 0.9, preDelayMs: 10, mix: 0.2 } },
    { label: 'a long hall, 4 s', params: { type: 'reverb', decaySec: 4, preDelayMs: 30, mix: 0.35 } },
  ],
  delay: [
    { label: 'quarter notes', params: { type: 'delay', beats: 1, feedback: 0.3, mix: 0.2 } },
    { label: 'eighth notes', params: { type: 'delay', beats: 0.5, feedback: 0.3, mix: 0.2 } },
  ],
  compressor: [
    { label: 'gentle, 2:1', params: { type: 'compressor', thresholdDb: -16, ratio: 2, attackMs: 20, releaseMs: 200, makeupDb: 2 } },
    { label: 'heavy, 8:1', params: { type: 'compressor', thresholdDb: -24, ratio: 8, attackMs: 5, releaseMs: 100, makeupDb: 6 } },
  ],
  filter: [{ label: 'high-pass at 150 Hz', params: { type: 'filter', mode: 'highpass', frequencyHz: 150, q: 0.7 } }],
  eq3: [],
};

export const EFFECT_NAMES: Readonly<Record<EffectType, string>> = { eq3: 'EQ', compressor: 'Compressor', reverb: 'Reverb', delay: 'Delay', filter: 'Filter' };

/** Each parameter's range (as the document schema allows), for clamping relative changes. */
export const PARAM_RANGES: Readonly<Record<string, readonly [number, number]>> = {
  lowDb: [-24, 24],
  midDb: [-24, 24],
  highDb: [-24, 24],
  lowHz: [40, 1000],
  highHz: [1000, 16000],
  thresholdDb: [-60, 0],
  ratio: [1, 20],
  attackMs: [0.1, 200],
  releaseMs: [10, 2000],
  makeupDb: [0, 24],
  decaySec: [0.1, 10],
  preDelayMs: [0, 200],
  mix: [0, 1],
  beats: [1 / 16, 4],
  feedback: [0, 0.95],
  frequencyHz: [20, 20000],
  q: [0.1, 20],
};

/** The track's effects of a type (the filter's mode too, when asked). */
export function effectsOf(track: Track, type: EffectType, mode?: string): Effect[] {
  return track.effects.filter((e) => e.params.type === type && (!mode || (e.params.type === 'filter' && e.params.mode === mode)));
}
