import type { CatalogSource } from '../project/documentSchema';

export type StemKind = CatalogSource['kind'] | 'recording';

/**
 * What musicians call parts, and the stem kind each belongs to. `names` are
 * words a track name may contain ("Hats", "Hi-hat"); any of `words` in a
 * sentence points at those tracks, or at the kind when no track is named so.
 */
export const INSTRUMENTS: readonly { readonly words: readonly string[]; readonly names: readonly string[]; readonly kind: StemKind }[] = [
  { words: ['kick', 'kicks', 'bd', 'bassdrum', 'kickdrum'], names: ['kick', 'bd', 'bassdrum'], kind: 'drums' },
  { words: ['snare', 'snares', 'clap', 'claps', 'snr', 'rimshot'], names: ['snare', 'clap', 'claps'], kind: 'drums' },
  {
    words: ['hats', 'hat', 'hihat', 'hihats', 'hh', 'cymbal', 'cymbals', 'ride', 'shaker'],
    names: ['hats', 'hat', 'hihat', 'hihats', 'hh', 'cymbals'],
    kind: 'drums',
  },
  { words: ['percussion', 'perc', 'percs', 'congas', 'bongos', 'toms', 'tom'], names: ['percussion', 'perc', 'percs'], kind: 'drums' },
  { words: ['sub', 'subs', 'subbass', '808', '808s'], names: ['sub', 'subbass', '808'], kind: 'bass' },
  { words: ['piano', 'pianos', 'rhodes', 'ep'], names: ['piano', 'rhodes'], kind: 'keys' },
  { words: ['pad', 'pads'], names: ['pad', 'pads'], kind: 'keys' },
  { words: ['organ', 'organs'], names: ['organ'], kind: 'keys' },
  { words: ['synth', 'synths', 'lead synth'], names: ['synth'], kind: 'keys' },
  { words: ['riser', 'risers', 'sweep', 'sweeps', 'uplifter', 'whoosh'], names: ['riser', 'sweep'], kind: 'fx' },
  { words: ['strings', 'string', 'violins', 'violin', 'orchestra', 'cello'], names: ['strings', 'string'], kind: 'other' },
];

/** Words for a whole stem kind. */
export const KIND_WORDS: Readonly<Record<string, StemKind>> = {
  drums: 'drums',
  drum: 'drums',
  kit: 'drums',
  groove: 'drums',
  rhythm: 'drums',
  bass: 'bass',
  basses: 'bass',
  bassline: 'bass',
  basslines: 'bass',
  lowend: 'bass',
  lows: 'bass',
  low: 'bass',
  keys: 'keys',
  keyboard: 'keys',
  keyboards: 'keys',
  chords: 'keys',
  guitar: 'guitar',
  guitars: 'guitar',
  gtr: 'guitar',
  gtrs: 'guitar',
  vocals: 'vocals',
  vocal: 'vocals',
  vox: 'vocals',
  voice: 'vocals',
  voices: 'vocals',
  singer: 'vocals',
  singing: 'vocals',
  vocalist: 'vocals',
  acapella: 'vocals',
  lyrics: 'vocals',
  fx: 'fx',
  sfx: 'fx',
  other: 'other',
  recording: 'recording',
  recordings: 'recording',
  take: 'recording',
  takes: 'recording',
};

/** Two-word phrases read as one word before anything else ("hi hats" → "hihats"). */
export const COMPOUNDS: readonly (readonly [string, string, string])[] = [
  ['hi', 'hats', 'hihats'],
  ['hi', 'hat', 'hihat'],
  ['high', 'hats', 'hihats'],
  ['hat', 'hats', 'hihats'],
  ['low', 'pass', 'lowpass'],
  ['high', 'pass', 'highpass'],
  ['hi', 'pass', 'highpass'],
  ['band', 'pass', 'bandpass'],
  ['low', 'cut', 'highpass'],
  ['high', 'cut', 'lowpass'],
  ['half', 'time', 'halftime'],
  ['double', 'time', 'doubletime'],
  ['half', 'speed', 'halfspeed'],
  ['double', 'speed', 'doublespeed'],
  ['low', 'end', 'lowend'],
  ['bass', 'drum', 'bassdrum'],
  ['kick', 'drum', 'kickdrum'],
  ['sub', 'bass', 'subbass'],
  ['pre', 'chorus', 'prechorus'],
  ['middle', '8', 'middle8'],
  ['middle', 'eight', 'middle8'],
  ['build', 'up', 'buildup'],
  ['half', 'step', 'halfstep'],
  ['half', 'steps', 'halfsteps'],
  ['whole', 'step', 'tone'],
  ['whole', 'tone', 'tone'],
  ['a', 'cappella', 'acapella'],
  ['fade', 'in', 'fadein'],
  ['fade', 'out', 'fadeout'],
  ['un', 'mute', 'unmute'],
  ['un', 'solo', 'unsolo'],
];
