import type { Command } from '../../project/commandSchema';
import type { Clip } from '../../project/documentSchema';
import { clipChoices } from '../clipChoices';
import type { TimeMention } from '../findTimeMentions';
import { formatBeat } from '../formatBars';
import { tidy, type IdSource, type Reading, type ReadingSource } from '../Reading';
import { range, type Sentence } from '../Sentence';
import { sourceSecondsPerBeat } from '../../project/timing';
import { targetOptions } from '../targetOptions';

const MOVE = ['move', 'shift', 'nudge', 'slide', 'drag', 'push', 'pull', 'offset'];
const LATER = ['later', 'forward', 'forwards', 'ahead', 'right', 'along'];
const EARLIER = ['earlier', 'back', 'backward', 'backwards', 'left', 'sooner'];
const COPY = ['duplicate', 'copy', 'clone', 'repeat', 'paste'];

/** Where the sentence sends something: the time after "to"/"onto"/"into"/"at"/"until". */
function destination(s: Sentence): TimeMention | undefined {
  return (
    s.times.find((t) => t.prep === 'to' || t.prep === 'onto' || t.prep === 'into') ??
    s.times.find((t) => t.prep === 'at' && (t.kind === 'bar' || t.kind === 'point'))
  );
}

/** Beats to move by: "2 bars later", "one beat earlier", "forward one beat". */
function moveDeltas(s: Sentence): { beats: number; uses: number[]; score: number }[] {
  const amount = s.amounts.find((a) => a.unit === 'bar' || a.unit === 'beat');
  if (!amount) return [];
  const beats = amount.value * (amount.unit === 'bar' ? s.vocab.beatsPerBar : 1);
  const later = s.find(LATER);
  const earlier = s.find(EARLIER);
  const uses = [...range(amount.start, amount.end), ...later, ...earlier, ...s.find(['by'])];
  if (amount.signed) return [{ beats, uses, score: 1 }];
  if (earlier.length && !later.length) return [{ beats: -beats, uses, score: 1 }];
  if (s.has('forward', 'forwards') && !s.has('later'))
    return [
      { beats, uses, score: 1 },
      { beats: -beats, uses, score: 0.9 },
    ];
  if (later.length) return [{ beats, uses, score: 1 }];
  return [
    { beats, uses, score: 0.9 },
    { beats: -beats, uses, score: 0.75 },
  ];
}

function moved(clips: readonly Clip[], delta: number): Command[] {
  return clips.map((c) => ({ type: 'updateClip', clipId: c.id, changes: { start: tidy(c.start + delta) } }));
}

/** A copy of the part of `clip` inside [a, b), placed so that `a` lands on `at`. */
function copyPart(s: Sentence, clip: Clip, within: readonly [number, number] | null, at: number, ids: IdSource): Clip | null {
  const [a, b] = within ?? [clip.start, clip.start + clip.length];
  const start = Math.max(a, clip.start);
  const end = Math.min(b, clip.start + clip.length);
  if (end <= start) return null;
  if (clip.loopBeats !== null && (start !== clip.start || end !== clip.start + clip.length)) return null;
  const source = s.document.sources.find((x) => x.id === clip.sourceId);
  if (!source) return null;
  const offset = clip.sourceOffset + (start - clip.start) * sourceSecondsPerBeat(clip, source);
  return {
    ...clip,
    id: ids.next('clip'),
    start: tidy(at + (start - a)),
    length: end - start,
    sourceOffset: offset,
    fadeIn: start === clip.start ? clip.fadeIn : { ...clip.fadeIn, beats: 0 },
    fadeOut: end === clip.start + clip.length ? clip.fadeOut : { ...clip.fadeOut, beats: 0 },
  };
}

/**
 * Moving and copying clips: "move the guitar 2 bars later", "move the sub
 * bass to bar 61", "nudge the riser forward one beat", "duplicate the
 * first percussion clip", "copy the chorus percussion to the bridge".
 */
export const moveReadings: ReadingSource = (s, ids) => {
  const move = s.find(MOVE);
  const copy = s.find(COPY);
  if (move.length === 0 && copy.length === 0) return [];
  const to = destination(s);
  const qualifier = s.times.find((t) => t !== to && t.kind === 'section' && (t.prep === null || t.prep === 'of' || t.prep === 'in' || t.prep === 'from'));
  const readings: Reading[] = [];
  for (const target of targetOptions(s)) {
    for (const choice of clipChoices(s, target, qualifier)) {
      const base = [...target.uses, ...choice.uses];
      const first = choice.within ? choice.within[0] : choice.clips[0]!.start;
      if (move.length) {
        const uses = [...base, ...move];
        if (to) {
          for (const option of to.options.slice(0, 1)) {
            const at = option.ranges[0]![0];
            readings.push({
              description: `Move ${choice.label} to ${to.kind === 'section' ? option.label : formatBeat(at, s.vocab.beatsPerBar)}`,
              commands: moved(choice.clips, at - first),
              score: target.score * choice.score,
              uses: [...uses, ...range(to.start - 1, to.end)],
              targets: target.trackIds,
            });
          }
        }
        for (const delta of moveDeltas(s)) {
          const amount =
            Math.abs(delta.beats) % s.vocab.beatsPerBar === 0
              ? `${Math.abs(delta.beats) / s.vocab.beatsPerBar} bar${Math.abs(delta.beats) === s.vocab.beatsPerBar ? '' : 's'}`
              : `${Math.abs(delta.beats)} beat${Math.abs(delta.beats) === 1 ? '' : 's'}`;
          readings.push({
            description: `Move ${choice.label} ${amount} ${delta.beats > 0 ? 'later' : 'earlier'}`,
            commands: moved(choice.clips, delta.beats),
            score: target.score * choice.score * delta.score,
            uses: [...uses, ...delta.uses],
            targets: target.trackIds,
          });
        }
      }
      if (copy.length) {
        const uses = [...base, ...copy];
        const span = choice.within ? choice.within[1] - choice.within[0] : Math.max(...choice.clips.map((c) => c.start + c.length)) - first;
        const places: { at: number; label: string; uses: number[] }[] = [];
        if (to)
          places.push({
            at: to.options[0]!.ranges[0]![0],
            label: to.kind === 'section' ? to.options[0]!.label : formatBeat(to.options[0]!.ranges[0]![0], s.vocab.beatsPerBar),
            uses: range(to.start - 1, to.end),
          });
        else places.push({ at: first + span, label: `right after it (${formatBeat(first + span, s.vocab.beatsPerBar)})`, uses: [] });
        for (const place of places) {
          const fork = ids.fork();
          const copies = choice.clips
            .map((c) => copyPart(s, c, choice.within, place.at + (choice.within ? 0 : c.start - first) - (choice.within ? 0 : 0), fork))
            .filter((c): c is Clip => c !== null);
          if (copies.length === 0) continue;
          readings.push({
            description: `Copy ${choice.label} to ${place.label}`,
            commands: copies.map((clip) => ({ type: 'addClip', clip })),
            score: target.score * choice.score,
            uses: [...uses, ...place.uses],
            targets: target.trackIds,
          });
        }
      }
    }
  }
  return readings;
};
