import type { Part } from './midiFile';

export interface SongStem {
  readonly id: string;
  readonly name: string;
  readonly kind: 'vocals' | 'drums' | 'bass' | 'keys' | 'guitar' | 'fx' | 'other';
  readonly part: Part;
}

/** A demo song, composed as code: tempo, key, form, and one part per stem. */
export interface Song {
  readonly slug: string;
  readonly title: string;
  readonly bpm: number;
  readonly key: string;
  readonly bars: number;
  /** The rate its stems are rendered at (default 48 kHz, the first demos'; catalogs mostly deliver 44.1 kHz). */
  readonly sampleRate?: number;
  readonly sections: readonly { readonly name: string; readonly bar: number }[];
  readonly stems: readonly SongStem[];
}

export const secondsOf = (song: Song) => (song.bars * 4 * 60) / song.bpm;
