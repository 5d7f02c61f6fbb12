const pitchClasses: Record<string, number> = {
  C: 0,
  'C#': 1,
  Db: 1,
  D: 2,
  'D#': 3,
  Eb: 3,
  E: 4,
  F: 5,
  'F#': 6,
  Gb: 6,
  G: 7,
  'G#': 8,
  Ab: 8,
  A: 9,
  'A#': 10,
  Bb: 10,
  B: 11,
};
const names = ['C', 'C#', 'D', 'Eb', 'E', 'F', 'F#', 'G', 'Ab', 'A', 'Bb', 'B'];

export const allKeys: readonly string[] = [...names.map((n) => `${n} major`), ...names.map((n) => `${n} minor`)];

/** "A minor" → its relative major's pitch class (C = 0), so relative keys compare equal. */
function majorPitchClass(key: string): number {
  const [tonic = 'C', mode] = key.split(' ');
  const pc = pitchClasses[tonic];
  if (pc === undefined) throw new Error(`unknown key ${key}`);
  return mode === 'minor' ? (pc + 3) % 12 : pc;
}

/**
 * Semitones that move music in `from` to `to`, the shortest way (−6…+5).
 * Relative keys (A minor, C major) need none.
 */
export function keyTransposition(from: string, to: string): number {
  const diff = (((majorPitchClass(to) - majorPitchClass(from)) % 12) + 12) % 12;
  return diff > 5 ? diff - 12 : diff;
}

/** The key `semitones` above `key`, spelled from the table above. */
export function transposeKey(key: string, semitones: number): string {
  const [tonic = 'C', mode = 'major'] = key.split(' ');
  const pc = pitchClasses[tonic] ?? 0;
  return `${names[(((pc + semitones) % 12) + 12) % 12]} ${mode}`;
}
