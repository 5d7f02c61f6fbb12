import type { Command } from '../../project/commandSchema';
import { LIMITS } from '../../project/documentSchema';
import { allKeys, keyTransposition, transposeKey } from '../../project/musicalKey';
import { describeSplits, regionEdit } from '../regionEdit';
import type { Reading, ReadingSource } from '../Reading';
import { scopeOptions } from '../scopeOptions';
import { range, type Sentence } from '../Sentence';
import { targetOptions } from '../targetOptions';

const LETTERS = new Set(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
const FLATS: Record<string, string> = { db: 'C#', eb: 'Eb', gb: 'F#', ab: 'Ab', bb: 'Bb', 'a#': 'Bb', 'd#': 'Eb', 'g#': 'Ab', 'c#': 'C#', 'f#': 'F#' };
const SPELLING: Record<string, string> = { 'C#': 'C#', Db: 'C#', 'D#': 'Eb', Gb: 'F#', 'G#': 'Ab', 'A#': 'Bb' };

/** A key named in the sentence: "C major", "E minor", "D" (mode not said), "F sharp minor", "Bb". */
function namedKeys(s: Sentence): { keys: string[]; uses: number[]; moded: boolean } | null {
  const words = s.words;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    let tonic: string | null = null;
    let j = i + 1;
    if (word in FLATS) tonic = FLATS[word]!;
    else if (LETTERS.has(word)) {
      tonic = word.toUpperCase();
      if (words[j] === 'sharp' || words[j] === '#') {
        tonic = SPELLING[`${tonic}#`] ?? `${tonic}#`;
        j++;
      } else if (words[j] === 'flat') {
        tonic = SPELLING[`${tonic}b`] ?? `${tonic}b`;
        j++;
      }
    }
    if (!tonic) continue;
    const mode = words[j] === 'major' || words[j] === 'maj' ? 'major' : words[j] === 'minor' || words[j] === 'min' || words[j] === 'm' ? 'minor' : null;
    const before = words[i - 1] ?? '';
    // A bare letter is a key only where a key is expected ("key of D", "to G", "in E") — "a" is mostly an article.
    if (!mode && !(['of', 'to', 'in', 'key', 'into'].includes(before) && (word !== 'a' || j >= words.length))) continue;
    if (!mode && word === 'db' && s.has('up', 'down', 'louder', 'quieter')) continue;
    const keys = (mode ? [mode] : s.document.key.endsWith('minor') ? ['major', 'minor'] : ['major', 'minor'])
      .map((m) => `${tonic} ${m}`)
      .filter((k) => allKeys.includes(k));
    if (keys.length) return { keys, uses: range(i, mode ? j + 1 : j), moded: mode !== null };
  }
  return null;
}

/** Semitones asked for: "up two semitones", "down an octave", "a whole tone", "up a fifth", "up 3". */
function semitones(s: Sentence): { value: number; uses: number[] } | null {
  const up = s.find(['up', 'higher', 'raise', 'sharpen']);
  const down = s.find(['down', 'lower', 'drop', 'flatten']);
  const direction =
    up.length && !down.length ? 1 : down.length && !up.length ? -1 : up.length && down.length ? (Math.max(...up) > Math.max(...down) ? 1 : -1) : 0;
  for (const amount of s.amounts) {
    const per = amount.unit === 'semitone' ? 1 : amount.unit === 'tone' ? 2 : amount.unit === 'octave' ? 12 : amount.unit === null ? 1 : 0;
    if (per === 0) continue;
    const value = amount.signed ? amount.value * per : (direction || 1) * Math.abs(amount.value) * per;
    return { value, uses: [...up, ...down, ...range(amount.start, amount.end)] };
  }
  return null;
}

/**
 * Key and transposition: "change the key to C major", "put it in E minor",
 * "key of D" (major or minor), "transpose up two semitones" (the project
 * key moves — every pitched stem follows — or every clip is transposed),
 * "pitch the bass down an octave" (that track's clips).
 */
export const keyReadings: ReadingSource = (s, ids) => {
  const cue = s.find(['key', 'transpose', 'pitch', 'semitone', 'semitones', 'octave', 'tune', 'retune', 'major', 'minor', 'sharp', 'flat']);
  const named = namedKeys(s);
  const shift = semitones(s);
  const readings: Reading[] = [];
  const key = s.document.key;
  if (named) {
    for (const [i, target] of named.keys.entries()) {
      if (target === key) continue;
      const moves = keyTransposition(key, target);
      readings.push({
        description: `Change the key to ${target}${moves ? ` (pitched stems move ${moves > 0 ? '+' : ''}${moves} semitone${Math.abs(moves) === 1 ? '' : 's'})` : ' (the relative key: nothing is transposed)'}`,
        commands: [{ type: 'setKey', key: target }],
        score: (cue.length || named.moded ? 1 : 0.8) * (i === 0 ? 1 : 0.95),
        uses: [...cue, ...named.uses, ...s.find(['to', 'in', 'into', 'of', 'put', 'change', 'set', 'make', 'it'])],
      });
    }
    return readings;
  }
  if (!shift || (!cue.length && !s.has('up', 'down', 'drop', 'raise', 'lower'))) return readings;
  const keyCue = cue.length ? 1 : 0.7;
  const targets = targetOptions(s).filter((t) => t.how !== 'all');
  const tooFar = Math.abs(shift.value) > LIMITS.pitch.max;
  if (tooFar)
    return [{ description: '', commands: [], score: 1, uses: shift.uses, refusal: `A transposition is at most ${LIMITS.pitch.max} semitones either way.` }];
  const amount = `${shift.value > 0 ? 'up' : 'down'} ${Math.abs(shift.value)} semitone${Math.abs(shift.value) === 1 ? '' : 's'}`;
  if (targets.length === 0) {
    const target = transposeKey(key, shift.value);
    readings.push({
      description: `Transpose the song ${amount}: key ${target}`,
      commands: [{ type: 'setKey', key: target }],
      score: keyCue,
      uses: [...cue, ...shift.uses, ...s.find(['it', 'the', 'song', 'whole', 'everything', 'key', 'a'])],
    });
    const clips = s.document.clips.filter((c) => c.active);
    const commands: Command[] = clips.map((c) => ({ type: 'updateClip', clipId: c.id, changes: { pitch: c.pitch + shift.value } }));
    readings.push({
      description: `Transpose every clip ${amount} (the project key stays ${key})`,
      commands,
      score: keyCue * 0.85,
      uses: [...cue, ...shift.uses],
    });
    return readings;
  }
  const scopes = scopeOptions(s);
  for (const target of targets) {
    const trackUses = [...cue, ...shift.uses, ...target.uses];
    if (scopes.length === 0) {
      const clips = s.document.clips.filter((c) => c.active && target.trackIds.includes(c.trackId));
      readings.push({
        description: `Transpose ${target.label} ${amount}`,
        commands: clips.map((c) => ({ type: 'updateClip', clipId: c.id, changes: { pitch: c.pitch + shift.value } })),
        score: keyCue * target.score,
        uses: trackUses,
        targets: target.trackIds,
      });
    }
    for (const scope of scopes) {
      const edit = regionEdit(s.document, target.trackIds, scope.ranges, ids.fork(), (clip) => ({ pitch: clip.pitch + shift.value }));
      if (edit.pieces.length)
        readings.push({
          description: `Transpose ${target.label} ${amount} ${scope.phrase}${describeSplits(edit.splits, s.vocab.beatsPerBar, edit.pieces.length)}`,
          commands: edit.commands,
          score: keyCue * target.score * scope.score,
          uses: [...trackUses, ...scope.uses],
          targets: target.trackIds,
        });
    }
  }
  return readings;
};
