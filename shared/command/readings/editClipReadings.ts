import type { Command } from '../../project/commandSchema';
import type { Clip } from '../../project/documentSchema';
import { sourceSecondsPerBeat } from '../../project/timing';
import { clipChoices } from '../clipChoices';
import { formatBeat } from '../formatBars';
import { tidy, type Reading, type ReadingSource } from '../Reading';
import { range, type Sentence } from '../Sentence';
import { targetOptions, trackLabel, type TargetOption } from '../targetOptions';

const SPLIT = ['split', 'chop', 'slice', 'razor', 'divide'];
const DELETE = ['delete', 'remove', 'erase', 'clear', 'trash', 'rid'];
const TRIM = ['trim', 'shorten', 'crop', 'lengthen', 'extend', 'cut'];

/** Every track, when the sentence names none ("split at bar 49") or all ("split all tracks at bar 49"). */
function tracksOrAll(s: Sentence): TargetOption[] {
  const targets = targetOptions(s);
  if (targets.length) return targets;
  const ids = s.document.tracks.map((t) => t.id);
  return [{ trackIds: ids, score: 0.95, uses: [], label: trackLabel(s, ids), how: 'all' }];
}

/** "split the bass at bar 33", "split the piano at the chorus", "split all tracks at bar 49", "split here". */
function splitReadings(s: Sentence, ids: Parameters<ReadingSource>[1]): Reading[] {
  const cue = [...s.find(SPLIT), ...(s.has('cut') && s.times.some((t) => t.prep === 'at') ? s.find(['cut']) : [])];
  if (cue.length === 0) return [];
  const at = s.times.filter((t) => t.prep === 'at' || t.prep === 'on' || t.prep === null || t.prep === 'from');
  const readings: Reading[] = [];
  const targets = tracksOrAll(s);
  // "split the bass at bar 33" could mean the whole arrangement there.
  if (targets[0]!.how !== 'all') targets.push({ trackIds: s.document.tracks.map((t) => t.id), score: 0.6, uses: [], label: 'every track', how: 'all' });
  for (const target of targets) {
    for (const mention of at) {
      for (const option of mention.options) {
        const points = option.ranges.map(([a]) => a);
        const fork = ids.fork();
        const commands: Command[] = [];
        for (const clip of s.document.clips.filter((c) => target.trackIds.includes(c.trackId) && c.loopBeats === null)) {
          // Each later point splits the piece that now holds it.
          let piece = { id: clip.id, start: clip.start, end: clip.start + clip.length };
          for (const beat of points.filter((p) => p > clip.start && p < clip.start + clip.length).sort((a, b) => a - b)) {
            const id = fork.next('clip');
            commands.push({ type: 'splitClip', clipId: piece.id, beat, newClipId: id });
            piece = { id, start: beat, end: piece.end };
          }
        }
        if (commands.length === 0) continue;
        const where = mention.kind === 'section' ? `the start of ${option.label}` : points.map((p) => formatBeat(p, s.vocab.beatsPerBar)).join(', ');
        readings.push({
          description: `Split ${target.label} at ${where}`,
          commands,
          score: target.score * option.score,
          uses: [...cue, ...target.uses, ...range(mention.start - 1, mention.end)],
          targets: target.trackIds,
        });
      }
    }
  }
  return readings;
}

/** "delete the second guitar clip", "delete the riser", "get rid of the sub bass". */
function deleteReadings(s: Sentence): Reading[] {
  const cue = s.find(DELETE);
  if (cue.length === 0 || s.times.some((t) => t.kind !== 'point' && t.prep !== null)) return [];
  const readings: Reading[] = [];
  for (const target of targetOptions(s)) {
    if (target.how === 'all') continue;
    for (const choice of clipChoices(s, target)) {
      const uses = [...cue, ...target.uses, ...choice.uses, ...s.find(['get', 'of'])];
      readings.push({
        description: `Delete ${choice.label}`,
        commands: choice.clips.map((c) => ({ type: 'removeClip', clipId: c.id })),
        score: target.score * choice.score,
        uses,
        targets: target.trackIds,
      });
      if (choice.clips.length === s.document.clips.filter((c) => target.trackIds.includes(c.trackId)).length && choice.within === null) {
        const commands: Command[] = [
          ...s.document.clips.filter((c) => target.trackIds.includes(c.trackId)).map((c) => ({ type: 'removeClip' as const, clipId: c.id })),
          ...target.trackIds.map((id) => ({ type: 'removeTrack' as const, trackId: id })),
        ];
        readings.push({
          description: `Delete track${target.trackIds.length > 1 ? 's' : ''} ${target.label} and ${target.trackIds.length > 1 ? 'their' : 'its'} clips`,
          commands,
          score: target.score * 0.8,
          uses,
          targets: target.trackIds,
        });
      }
    }
  }
  return readings;
}

/** A clip's start moved to `start` (later: material skipped; earlier: material before it revealed), keeping its end. */
function trimStart(s: Sentence, clip: Clip, start: number): Command | null {
  const source = s.document.sources.find((x) => x.id === clip.sourceId);
  const end = clip.start + clip.length;
  if (!source || clip.loopBeats !== null || start >= end || start < 0) return null;
  const offset = clip.sourceOffset + (start - clip.start) * sourceSecondsPerBeat(clip, source);
  if (offset < -1e-9) return null;
  return {
    type: 'updateClip',
    clipId: clip.id,
    changes: {
      start: tidy(start),
      length: tidy(end - start),
      sourceOffset: Math.max(0, offset),
      fadeIn: { ...clip.fadeIn, beats: Math.max(0, Math.min(clip.fadeIn.beats, end - start - clip.fadeOut.beats)) },
    },
  };
}

function trimEnd(clip: Clip, end: number): Command | null {
  if (end <= clip.start) return null;
  const length = tidy(end - clip.start);
  return {
    type: 'updateClip',
    clipId: clip.id,
    changes: { length, fadeOut: { ...clip.fadeOut, beats: Math.min(clip.fadeOut.beats, length - clip.fadeIn.beats) } },
  };
}

/** "trim the strings to start at the drop", "shorten the vocal by 4 bars", "trim the first 2 bars off the bass". */
function trimReadings(s: Sentence): Reading[] {
  const cue = s.find(TRIM);
  if (cue.length === 0) return [];
  const bpb = s.vocab.beatsPerBar;
  const readings: Reading[] = [];
  const point = s.times.find((t) => t.prep === 'at' || t.prep === 'to' || t.prep === 'from');
  const startWord = s.find(['start', 'starts', 'begin', 'begins', 'beginning', 'front', 'head']);
  const endWord = s.find(['end', 'ends', 'stop', 'stops', 'finish', 'finishes', 'tail']);
  const amount = s.amounts.find((a) => a.unit === 'bar' || a.unit === 'beat');
  const edge = s.times.find((t) => t.kind === 'bars' && /^the (first|last)/.test(t.options[0]!.label));
  for (const target of targetOptions(s)) {
    for (const choice of clipChoices(s, target)) {
      const uses = [...cue, ...target.uses, ...choice.uses];
      const clips = choice.clips;
      if (point) {
        const at = point.options[0]!.ranges[0]![0];
        const pointUses = [...uses, ...range(point.start - 1, point.end), ...startWord, ...endWord, ...s.find(['to'])];
        const toEnd = endWord.length > 0 && (!startWord.length || Math.max(...endWord) > Math.max(...startWord));
        const commands = clips.filter((c) => c.start < at && c.start + c.length > at).map((c) => (toEnd ? trimEnd(c, at) : trimStart(s, c, at)));
        if (commands.length && commands.every(Boolean))
          readings.push({
            description: `Trim ${choice.label} to ${toEnd ? 'end' : 'start'} at ${point.kind === 'section' ? point.options[0]!.label : formatBeat(at, bpb)}`,
            commands: commands as Command[],
            score: target.score * choice.score,
            uses: pointUses,
            targets: target.trackIds,
          });
      }
      const length = amount ? amount.value * (amount.unit === 'bar' ? bpb : 1) : edge ? edge.options[0]!.ranges[0]![1] - edge.options[0]!.ranges[0]![0] : null;
      if (length === null) continue;
      const lengthUses = [...uses, ...(amount ? range(amount.start, amount.end) : range(edge!.start, edge!.end)), ...s.find(['by', 'off', 'of'])];
      const fromStart = (edge && /first/.test(edge.options[0]!.label)) || startWord.length > 0;
      const longer = s.has('lengthen', 'extend', 'longer');
      const last = clips.at(-1)!;
      const firstClip = clips[0]!;
      const bars = `${tidy(length / bpb)} bar${length === bpb ? '' : 's'}`;
      if (fromStart) {
        const command = trimStart(s, firstClip, firstClip.start + (longer ? -length : length));
        if (command)
          readings.push({
            description: `Trim ${bars} off the start of ${choice.label}`,
            commands: [command],
            score: target.score * choice.score,
            uses: lengthUses,
            targets: target.trackIds,
          });
      } else {
        const command = trimEnd(last, last.start + last.length + (longer ? length : -length));
        if (command)
          readings.push({
            description: `${longer ? 'Lengthen' : 'Shorten'} ${choice.label} by ${bars} (it ends at ${formatBeat(last.start + last.length + (longer ? length : -length), bpb)})`,
            commands: [command],
            score: target.score * choice.score,
            uses: lengthUses,
            targets: target.trackIds,
          });
      }
    }
  }
  return readings;
}

/**
 * Splitting, deleting and trimming clips. Deleting a stretch of time
 * ("remove the guitar from the second verse") is read by the mute
 * readings, which split at its edges.
 */
export const editClipReadings: ReadingSource = (s, ids) => [...splitReadings(s, ids), ...deleteReadings(s), ...trimReadings(s)];
