import type { Command } from '../../project/commandSchema';
import type { Track } from '../../project/documentSchema';
import { describeSplits, regionEdit, type Ranges } from '../regionEdit';
import { clamp, tidy, type IdSource, type Reading, type ReadingSource } from '../Reading';
import { scopeOptions } from '../scopeOptions';
import type { Sentence } from '../Sentence';
import { targetOptions } from '../targetOptions';

/** "50% left", "centre", "30% right". */
export function formatPan(pan: number): string {
  if (Math.abs(pan) < 1e-9) return 'the centre';
  const percent = Math.round(Math.abs(pan) * 100);
  return percent === 100 ? `hard ${pan < 0 ? 'left' : 'right'}` : `${percent}% ${pan < 0 ? 'left' : 'right'}`;
}

interface PanChoice {
  readonly pan: (track: Track) => number;
  readonly label: (track: Track) => string;
  readonly score: number;
  readonly uses: number[];
}

function panChoices(s: Sentence): PanChoice[] {
  const left = s.find(['left']);
  const right = s.find(['right']);
  const centre = s.find(['centre', 'center', 'centred', 'centered', 'middle', 'mono']);
  const cue = s.find(['pan', 'panned', 'panning', 'put', 'move', 'side', 'stereo']);
  if (centre.length && !left.length && !right.length) return [{ pan: () => 0, label: () => 'to the centre', score: 1, uses: [...centre, ...cue] }];
  if (!left.length && !right.length) return [];
  const side = left.length && (!right.length || Math.max(...left) > Math.max(...right)) ? -1 : 1;
  const uses = [...left, ...right, ...cue, ...s.find(['to', 'the'])];
  const percent = s.amounts.find((a) => a.unit === 'percent' || (a.unit === null && a.value > 0 && a.value <= 100));
  const hard = s.find(['hard', 'fully', 'all', 'way', 'completely', 'extreme']);
  const score = cue.length ? 1 : 0.75;
  if (percent) {
    const value = clamp(percent.value / 100, 0, 1) * side;
    return [
      {
        pan: () => tidy(value),
        label: () => formatPan(value),
        score,
        uses: [...uses, ...Array.from({ length: percent.end - percent.start }, (_, i) => percent.start + i)],
      },
    ];
  }
  if (hard.length) return [{ pan: () => side, label: () => formatPan(side), score, uses: [...uses, ...hard] }];
  const nudge: PanChoice = {
    pan: (t) => tidy(clamp(t.pan + side * 0.25, -1, 1)),
    label: (t) => `a little ${side < 0 ? 'left' : 'right'} (to ${formatPan(clamp(t.pan + side * 0.25, -1, 1))})`,
    score,
    uses: [...uses, ...s.find(['bit', 'little', 'slightly', 'touch', 'tad', 'more'])],
  };
  const half: PanChoice = { pan: () => side * 0.5, label: () => formatPan(side * 0.5), score, uses };
  const full: PanChoice = { pan: () => side, label: () => formatPan(side), score: score * 0.9, uses };
  return s.size === 'small' || s.has('more', 'further') ? [nudge, half] : [half, full, { ...nudge, score: score * 0.85 }];
}

/** Region pan: the pieces in the scope move to a new track, a copy of the old one panned there. */
function panRegion(
  s: Sentence,
  trackIds: readonly string[],
  ranges: Ranges,
  choice: PanChoice,
  where: string,
  ids: IdSource,
): { commands: Command[]; splits: number[]; pieces: number } {
  const commands: Command[] = [];
  const splits: number[] = [];
  let pieces = 0;
  for (const trackId of trackIds) {
    const track = s.document.tracks.find((t) => t.id === trackId)!;
    const copy: Track = {
      ...track,
      id: ids.next('trk'),
      name: `${track.name} (${where})`.slice(0, 100),
      pan: choice.pan(track),
      solo: false,
      effects: track.effects.map((e) => ({ ...e, id: ids.next('fx') })),
      volumeAutomation: [],
    };
    const edit = regionEdit(s.document, [trackId], ranges, ids, () => ({ trackId: copy.id }));
    if (edit.pieces.length === 0) continue;
    commands.push({ type: 'addTrack', track: copy, index: s.document.tracks.indexOf(track) + 1 }, ...edit.commands);
    splits.push(...edit.splits);
    pieces += edit.pieces.length;
  }
  return { commands, splits, pieces };
}

/**
 * Panning: "pan the guitar left", "pan the hats hard right", "centre the
 * piano", "put the strings a little to the left". For a stretch of time
 * ("pan the vocal left in the chorus") the clip pieces there move to a
 * copy of the track panned that way — pan belongs to tracks, not clips.
 */
export const panReadings: ReadingSource = (s, ids) => {
  const choices = panChoices(s);
  if (choices.length === 0) return [];
  const readings: Reading[] = [];
  const scopes = scopeOptions(s);
  for (const target of targetOptions(s)) {
    if (target.how === 'all' && target.trackIds.length > 1) continue;
    const tracks = target.trackIds.map((id) => s.document.tracks.find((t) => t.id === id)!);
    for (const choice of choices) {
      if (scopes.length === 0) {
        const commands: Command[] = tracks
          .filter((t) => t.pan !== choice.pan(t))
          .map((t) => ({ type: 'updateTrack', trackId: t.id, changes: { pan: choice.pan(t) } }));
        const label = tracks.length === 1 ? choice.label(tracks[0]!) : choice.label({ ...tracks[0]!, pan: 0 });
        readings.push({
          description: `Pan ${target.label} ${label.startsWith('to ') || label.startsWith('a little') ? label : `to ${label}`}`,
          commands,
          score: choice.score * target.score,
          uses: [...choice.uses, ...target.uses],
          targets: target.trackIds,
        });
      }
      for (const scope of scopes) {
        const short = scope.phrase.replace(/^(in|for) (the )?/, '').replace(/ \(.*\)$/, '');
        const moved = panRegion(s, target.trackIds, scope.ranges, choice, short, ids.fork());
        if (moved.pieces === 0) continue;
        readings.push({
          description: `Pan ${target.label} to ${formatPan(choice.pan(tracks[0]!))} ${scope.phrase}: moves that part to a new track panned there${describeSplits(moved.splits, s.vocab.beatsPerBar, moved.pieces)}`,
          commands: moved.commands,
          score: choice.score * target.score * scope.score,
          uses: [...choice.uses, ...target.uses, ...scope.uses],
          targets: target.trackIds,
        });
      }
    }
  }
  return readings;
};
