import type { Note } from './midiFile';
import { seededRandom } from '../../engine/common/dsp/seededRandom';

/** Note name (C4 = 60) → MIDI pitch. */
export function pitch(name: string): number {
  const match = /^([A-G])(#|b)?(-?\d)$/.exec(name);
  if (!match) throw new Error(`bad note ${name}`);
  const base = { C: 0, D: 2, E: 4, F: 5, G: 7, A: 9, B: 11 }[match[1] as 'C'];
  const accidental = match[2] === '#' ? 1 : match[2] === 'b' ? -1 : 0;
  return 12 * (Number(match[3]) + 1) + base + accidental;
}

/** A chord as pitches from a root name and quality, e.g. chord('A3', 'min7'). */
export function chord(root: string, quality: 'maj' | 'min' | 'maj7' | 'min7' | '7' | 'sus2' | 'sus4' | 'add9'): number[] {
  const r = pitch(root);
  const shapes = {
    maj: [0, 4, 7],
    min: [0, 3, 7],
    maj7: [0, 4, 7, 11],
    min7: [0, 3, 7, 10],
    '7': [0, 4, 7, 10],
    sus2: [0, 2, 7],
    sus4: [0, 5, 7],
    add9: [0, 4, 7, 14],
  };
  return shapes[quality].map((i) => r + i);
}

/** The studio's seeded PRNG (mulberry32), so "humanised" velocities are the same every render. */
export const random = seededRandom;

/**
 * A drum pattern written as a grid: one string per instrument, one
 * character per step ('x' hit, 'o' accent, '.' rest), `steps` per bar.
 */
export function drumBar(bar: number, grid: Record<number, string>, steps = 16, velocity = 90, rand = random(bar)): Note[] {
  const notes: Note[] = [];
  for (const [drum, pattern] of Object.entries(grid)) {
    [...pattern].forEach((ch, step) => {
      if (ch === '.') return;
      const accent = ch === 'o' ? 18 : 0;
      notes.push({ beat: bar * 4 + (step * 4) / steps, beats: 0.2, pitch: Number(drum), velocity: velocity + accent - 8 + rand() * 16 });
    });
  }
  return notes;
}

/** A melody written as "E4:1 G4:0.5 - A4:2.5": pitch:beats, '-' a rest of the next duration. */
export function melody(startBeat: number, line: string, velocity = 92): Note[] {
  const notes: Note[] = [];
  let beat = startBeat;
  for (const token of line.trim().split(/\s+/)) {
    const [name, length] = token.split(':');
    const beats = Number(length ?? 1);
    if (name !== '-') notes.push({ beat, beats: beats * 0.95, pitch: pitch(name!), velocity });
    beat += beats;
  }
  return notes;
}

export const GM = {
  acousticGrand: 0,
  electricPiano: 4,
  organ: 16,
  nylonGuitar: 24,
  cleanGuitar: 27,
  mutedGuitar: 28,
  fingerBass: 33,
  pickBass: 34,
  synthBass: 38,
  strings: 48,
  choirAahs: 52,
  voiceOohs: 53,
  synthVoice: 54,
  saw: 81,
  padWarm: 89,
  padSweep: 95,
  fxCrystal: 98,
  fxAtmosphere: 99,
} as const;

export const DRUM = {
  kick: 36,
  snare: 38,
  clap: 39,
  closedHat: 42,
  pedalHat: 44,
  openHat: 46,
  tomLow: 45,
  tomMid: 47,
  crash: 49,
  ride: 51,
  shaker: 70,
  rim: 37,
} as const;
