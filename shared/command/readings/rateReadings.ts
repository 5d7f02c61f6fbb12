import type { ClipChanges, Command } from '../../project/commandSchema';
import type { Clip } from '../../project/documentSchema';
import { LIMITS } from '../../project/documentSchema';
import { describeSplits, regionEdit } from '../regionEdit';
import { tidy, type Reading, type ReadingSource } from '../Reading';
import { scopeOptions } from '../scopeOptions';
import type { Sentence } from '../Sentence';
import { targetOptions } from '../targetOptions';

/** ×0.5 for half-time, ×2 for double-time, or null. */
function rateFactor(s: Sentence): { factor: number; uses: number[]; score: number } | null {
  const halfWords = ['halftime', 'halfspeed', 'half', 'halve'];
  const doubleWords = ['doubletime', 'doublespeed', 'double', 'twice'];
  const uses = s.find([...halfWords, ...doubleWords, 'speed', 'time', 'fast', 'faster', 'slow', 'slower', 'as', 'tempo']);
  if (
    s.has('halftime', 'halfspeed') ||
    (s.has('half', 'halve') && s.has('speed', 'time', 'tempo', 'fast')) ||
    (s.has('twice', 'double') && s.has('slow', 'slower'))
  )
    return { factor: 0.5, uses, score: 1 };
  if (s.has('doubletime', 'doublespeed') || (s.has('double', 'twice') && s.has('speed', 'time', 'fast', 'faster'))) return { factor: 2, uses, score: 1 };
  return null;
}

/** How a clip plays at a new rate and still fits: same length (half-time plays half its material), or loops/shortens (double-time). */
function rateChanges(clip: Clip, factor: number): { changes: ClipChanges; how: string }[] {
  const rate = tidy(clip.rate * factor, 4);
  if (rate < LIMITS.rate.min || rate > LIMITS.rate.max) return [];
  if (factor < 1)
    return [
      { changes: { rate }, how: '' },
      { changes: { rate, length: clip.length / factor, loopBeats: clip.loopBeats && clip.loopBeats / factor }, how: ', stretched to twice its length' },
    ];
  const loops: ClipChanges = { rate, loopBeats: (clip.loopBeats ?? clip.length) / factor };
  return [
    { changes: loops, how: ', looping to keep its length' },
    {
      changes: {
        rate,
        length: clip.length / factor,
        fadeOut: { ...clip.fadeOut, beats: Math.min(clip.fadeOut.beats, clip.length / factor / 2) },
        fadeIn: { ...clip.fadeIn, beats: Math.min(clip.fadeIn.beats, clip.length / factor / 2) },
      },
      how: ', ending halfway',
    },
  ];
}

/**
 * Clip rate: "half-time the bass" (its clips play at half speed, so twice
 * as long a beat), "double time the hats" (twice as fast, looping to keep
 * their length), "half time" with no track: every clip.
 */
export const rateReadings: ReadingSource = (s, ids) => {
  const factor = rateFactor(s);
  if (!factor) return [];
  const name = factor.factor < 1 ? 'Half-time' : 'Double-time';
  const readings: Reading[] = [];
  const targets = targetOptions(s);
  const scopes = scopeOptions(s);
  if (targets.length === 0 || targets[0]!.how === 'all') {
    for (const variant of [0, 1]) {
      const commands: Command[] = [];
      let how = '';
      for (const clip of s.document.clips.filter((c) => c.active)) {
        const change = rateChanges(clip, factor.factor)[variant];
        if (!change) continue;
        commands.push({ type: 'updateClip', clipId: clip.id, changes: change.changes });
        how = change.how;
      }
      if (commands.length)
        readings.push({
          description: `${name} every clip (rate ×${factor.factor}${how}); the tempo stays ${s.document.bpm} BPM`,
          commands,
          score: factor.score * (variant === 0 ? 0.9 : 0.8),
          uses: [...factor.uses, ...(targets[0]?.uses ?? [])],
        });
    }
    return readings;
  }
  for (const target of targets) {
    for (const variant of [0, 1]) {
      const uses = [...factor.uses, ...target.uses];
      const score = factor.score * target.score * (variant === 0 ? 1 : 0.9);
      if (scopes.length === 0) {
        const clips = s.document.clips.filter((c) => c.active && target.trackIds.includes(c.trackId));
        const changes = clips.map((c) => ({ clip: c, change: rateChanges(c, factor.factor)[variant] }));
        if (changes.some((c) => !c.change)) continue;
        readings.push({
          description: `${name} ${target.label} (rate ×${factor.factor}${changes[0]?.change?.how ?? ''})`,
          commands: changes.map(({ clip, change }) => ({ type: 'updateClip', clipId: clip.id, changes: change!.changes })),
          score,
          uses,
          targets: target.trackIds,
        });
      }
      for (const scope of scopes) {
        if (variant === 1) continue;
        const edit = regionEdit(s.document, target.trackIds, scope.ranges, ids.fork(), (clip) => rateChanges(clip, factor.factor)[0]?.changes ?? null);
        if (edit.pieces.length)
          readings.push({
            description: `${name} ${target.label} ${scope.phrase}${describeSplits(edit.splits, s.vocab.beatsPerBar, edit.pieces.length)}`,
            commands: edit.commands,
            score: score * scope.score,
            uses: [...uses, ...scope.uses],
            targets: target.trackIds,
          });
      }
    }
  }
  return readings;
};
