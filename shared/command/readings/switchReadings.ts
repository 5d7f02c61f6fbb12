import type { Command } from '../../project/commandSchema';
import { describeSplits, regionEdit } from '../regionEdit';
import { possessive, type IdSource, type Reading, type ReadingSource } from '../Reading';
import { scopeOptions, type ScopeOption } from '../scopeOptions';
import type { Sentence } from '../Sentence';
import { everyTrack, targetOptions, trackLabel, type TargetOption } from '../targetOptions';
import { loopCommand } from './loopReadings';

const STRONG_MUTE = ['mute', 'silence', 'kill', 'unmute'];
const WEAK_MUTE = ['drop', 'lose', 'ditch', 'strip', 'cut', 'remove', 'rid', 'no', 'without', 'out'];
const UNMUTE = ['unmute', 'back', 'restore', 'reintroduce'];
const SOLO = ['solo', 'isolate', 'only', 'just'];

/** The words that say mute / unmute / solo, and how strongly. */
function switchCue(s: Sentence): { action: 'mute' | 'unmute' | 'solo' | 'unsolo'; score: number; uses: number[] } | null {
  if (s.has('unsolo')) return { action: 'unsolo', score: 1, uses: s.find(['unsolo']) };
  if (s.has('solo', 'isolate')) return { action: 'solo', score: 1, uses: s.find(['solo', 'isolate']) };
  if (s.has('unmute')) return { action: 'unmute', score: 1, uses: s.find(['unmute']) };
  // "bring the backing vocals in / back"
  if (s.has('bring') && s.has('in', 'back')) return { action: 'unmute', score: 0.9, uses: s.find(['bring', 'in', 'back']) };
  if (s.has(...UNMUTE) && !s.has(...STRONG_MUTE)) return { action: 'unmute', score: 0.6, uses: s.find(UNMUTE) };
  const strong = s.find(STRONG_MUTE);
  if (strong.length) return { action: 'mute', score: 1, uses: strong };
  // "take the kick out", "get rid of", "no drums", "drop the vocals"
  const weak = s.find(WEAK_MUTE).filter((i) => s.words[i] !== 'drop' || i === 0);
  if (s.has('take') && s.has('out')) weak.push(...s.find(['take']));
  if (s.has('delete', 'erase', 'clear') && s.times.some((t) => t.kind !== 'point')) weak.push(...s.find(['delete', 'erase', 'clear']));
  if (s.has('get') && s.has('rid')) weak.push(...s.find(['get', 'rid', 'of']));
  if (weak.length) return { action: 'mute', score: 0.75, uses: weak };
  if (s.has(...SOLO)) return { action: 'solo', score: 0.7, uses: s.find(SOLO) };
  return null;
}

function trackSwitch(s: Sentence, target: TargetOption, flag: 'mute' | 'solo', value: boolean): Command[] {
  return target.trackIds.flatMap((id) => {
    const track = s.document.tracks.find((t) => t.id === id)!;
    return track[flag] === value ? [] : [{ type: 'updateTrack' as const, trackId: id, changes: { [flag]: value } }];
  });
}

/** Solo is exclusive: tracks soloed before stop being soloed. */
function unsoloOthers(s: Sentence, keep: readonly string[]): Command[] {
  return s.document.tracks
    .filter((t) => t.solo && !keep.includes(t.id))
    .map((t) => ({ type: 'updateTrack' as const, trackId: t.id, changes: { solo: false } }));
}

function wholeTrackReadings(s: Sentence, action: 'mute' | 'unmute' | 'solo' | 'unsolo', target: TargetOption, cueScore: number, uses: number[]): Reading[] {
  const label = target.label;
  const readings: Reading[] = [];
  const add = (description: string, commands: Command[], score: number, targets = target.trackIds) => {
    if (commands.length) readings.push({ description, commands, score, uses: [...uses, ...target.uses], targets });
    else
      readings.push({
        description,
        commands,
        score,
        uses: [...uses, ...target.uses],
        refusal: `${label} ${target.trackIds.length > 1 ? 'are' : 'is'} already that way ("${description}" would change nothing).`,
      });
  };
  if (target.except && (action === 'mute' || action === 'solo')) {
    const kept = target.except;
    add(
      `Solo ${trackLabel(s, kept)} (everything else goes quiet)`,
      [...trackSwitch(s, { ...target, trackIds: kept }, 'solo', true), ...unsoloOthers(s, kept)],
      cueScore * target.score,
      kept,
    );
    add(`Mute ${label}`, trackSwitch(s, target, 'mute', true), cueScore * target.score * 0.97);
    return readings;
  }
  if (action === 'mute') {
    add(`Mute ${label}`, trackSwitch(s, target, 'mute', true), cueScore * target.score);
    // The same silence kept in the clips: the track stays unmuted, its clips are turned off.
    const clips = s.document.clips.filter((c) => c.active && target.trackIds.includes(c.trackId));
    add(
      `Turn off every clip of ${label} (the track itself stays unmuted)`,
      clips.map((c) => ({ type: 'updateClip' as const, clipId: c.id, changes: { active: false } })),
      cueScore * target.score * 0.7,
    );
  }
  if (action === 'unmute') add(`Unmute ${label}`, trackSwitch(s, target, 'mute', false), cueScore * target.score);
  if (action === 'solo') {
    add(
      `Solo ${label}`,
      [...trackSwitch(s, target, 'solo', true), ...unsoloOthers(s, target.trackIds), ...trackSwitch(s, target, 'mute', false)],
      cueScore * target.score,
    );
    const others = { ...target, trackIds: s.document.tracks.filter((t) => !target.trackIds.includes(t.id)).map((t) => t.id) };
    add(
      `Mute every track except ${label} (instead of soloing)`,
      [...trackSwitch(s, others, 'mute', true), ...trackSwitch(s, target, 'mute', false)],
      cueScore * target.score * 0.75,
    );
  }
  if (action === 'unsolo') add(`Unsolo ${label}`, trackSwitch(s, target, 'solo', false), cueScore * target.score);
  return readings;
}

function scopedReadings(
  s: Sentence,
  action: 'mute' | 'unmute' | 'solo' | 'unsolo',
  target: TargetOption,
  scope: ScopeOption,
  cueScore: number,
  uses: number[],
  ids: IdSource,
): Reading[] {
  const bpb = s.vocab.beatsPerBar;
  const all = [...uses, ...target.uses, ...scope.uses];
  const base = cueScore * target.score * scope.score;
  const readings: Reading[] = [];
  if (action === 'mute') {
    // "delete …" first deletes; "mute …", "drop …", "cut …" first turn the part off (it stays on the timeline).
    const deleting = s.has('delete', 'erase', 'clear', 'remove', 'rid');
    const off = regionEdit(s.document, target.trackIds, scope.ranges, ids.fork(), () => ({ active: false }));
    if (off.pieces.length)
      readings.push({
        description: `Mute ${target.label} ${scope.phrase}${describeSplits(off.splits, bpb, off.pieces.length)}`,
        commands: off.commands,
        score: base * (deleting ? 0.85 : 1),
        uses: all,
        targets: target.trackIds,
      });
    const cut = regionEdit(s.document, target.trackIds, scope.ranges, ids.fork(), () => 'remove');
    if (cut.pieces.length)
      readings.push({
        description: `Delete ${possessive(target.label)} audio ${scope.phrase}${describeSplits(cut.splits, bpb, cut.pieces.length)}`,
        commands: cut.commands,
        score: base * (deleting ? 1 : 0.85),
        uses: all,
        targets: target.trackIds,
      });
  }
  if (action === 'unmute') {
    // Heard only in the scope: unmute the track, and keep its clips outside the scope quiet.
    const outside = invert(scope.ranges, s.vocab.end);
    const quiet = regionEdit(s.document, target.trackIds, outside, ids.fork(), () => ({ active: false }));
    const unmute = trackSwitch(s, target, 'mute', false);
    if (unmute.length) {
      readings.push({
        description: `Unmute ${target.label}, heard only ${scope.phrase}${describeSplits(quiet.splits, bpb, quiet.pieces.length)}`,
        commands: [...unmute, ...quiet.commands],
        score: base,
        uses: all,
        targets: target.trackIds,
      });
    }
  }
  if (action === 'solo') {
    const others = s.document.tracks.filter((t) => !target.trackIds.includes(t.id)).map((t) => t.id);
    const quiet = regionEdit(s.document, others, scope.ranges, ids.fork(), () => ({ active: false }));
    if (quiet.pieces.length) {
      readings.push({
        description: `Solo ${target.label} ${scope.phrase}: mute every other track there${describeSplits(quiet.splits, bpb, quiet.pieces.length)}`,
        commands: quiet.commands,
        score: base,
        uses: all,
        targets: target.trackIds,
      });
    }
    const loop = scope.ranges.length === 1 ? loopCommand(s, scope.ranges[0]!) : null;
    if (loop) {
      const commands = [...trackSwitch(s, target, 'solo', true), ...unsoloOthers(s, target.trackIds), loop];
      readings.push({
        description: `Solo ${target.label} and loop ${scope.phrase.replace(/^(in|for) /, '')}`,
        commands,
        score: base * 0.93,
        uses: all,
        targets: target.trackIds,
      });
    }
  }
  return readings;
}

/** The parts of [0, end) outside the ranges. */
function invert(ranges: readonly (readonly [number, number])[], end: number): [number, number][] {
  const out: [number, number][] = [];
  let at = 0;
  for (const [a, b] of [...ranges].sort((x, y) => x[0] - y[0])) {
    if (a > at) out.push([at, a]);
    at = Math.max(at, b);
  }
  if (at < end) out.push([at, end]);
  return out;
}

/**
 * Mute, unmute, solo and unsolo — of whole tracks, or for a stretch of
 * time ("mute the piano for the first 8 bars" splits its clip at bar 9
 * and turns the first piece off; "solo the drums in the intro" turns the
 * other tracks' clips off there).
 */
export const switchReadings: ReadingSource = (s, ids) => {
  const cue = switchCue(s);
  if (!cue) return [];
  // Muting a track that is already muted changes nothing anyone hears: "the vocals" then means the heard ones.
  const targets = targetOptions(s).filter(
    (t, _, all) =>
      cue.action !== 'mute' ||
      t.except ||
      !all.some(
        (o) =>
          o !== t &&
          o.trackIds.length < t.trackIds.length &&
          o.trackIds.every((id) => t.trackIds.includes(id)) &&
          t.trackIds.filter((id) => !o.trackIds.includes(id)).every((id) => s.document.tracks.find((x) => x.id === id)?.mute),
      ),
  );
  const scopes = scopeOptions(s);
  // "delete the outro", "mute bars 5 to 8": every track, there.
  if (targets.length === 0 && scopes.length && (cue.action === 'mute' || s.has('delete', 'remove', 'erase', 'clear'))) targets.push(everyTrack(s));
  const readings: Reading[] = [];
  for (const target of targets) {
    if (scopes.length === 0 || cue.action === 'unsolo') readings.push(...wholeTrackReadings(s, cue.action, target, cue.score, cue.uses));
    for (const scope of scopes) {
      readings.push(...scopedReadings(s, cue.action, target, scope, cue.score, cue.uses, ids));
      // The scope ignored: the whole track, as a weaker reading.
      readings.push(...wholeTrackReadings(s, cue.action, target, cue.score * 0.5, cue.uses));
    }
  }
  return readings;
};
