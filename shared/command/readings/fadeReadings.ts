import type { Command } from '../../project/commandSchema';
import type { Clip } from '../../project/documentSchema';
import { tidy, type Reading, type ReadingSource } from '../Reading';
import { range, type Sentence } from '../Sentence';
import { targetOptions } from '../targetOptions';

function fadeDirection(s: Sentence): { dir: 'in' | 'out'; uses: number[] } | null {
  if (s.has('fadein')) return { dir: 'in', uses: s.find(['fadein']) };
  if (s.has('fadeout')) return { dir: 'out', uses: s.find(['fadeout']) };
  const fade = s.find(['fade', 'fades', 'fading']);
  if (fade.length === 0) return null;
  const after = s.words.slice(fade[0]! + 1);
  // "fade the vocals in": the last in/out after "fade" says which.
  const inAt = after.lastIndexOf('in');
  const outAt = after.lastIndexOf('out');
  if (outAt > inAt) return { dir: 'out', uses: [...fade, fade[0]! + 1 + outAt] };
  if (inAt >= 0 && !s.times.some((t) => t.start === fade[0]! + 2 + inAt)) return { dir: 'in', uses: [...fade, fade[0]! + 1 + inAt] };
  return { dir: s.has('end', 'ending', 'outro', 'last') ? 'out' : 'in', uses: fade };
}

/** Fade lengths in beats, best first: what the sentence says, else 2 bars, 1 bar, 4 bars. */
function fadeLengths(s: Sentence, dir: 'in' | 'out'): { beats: number; uses: number[]; score: number }[] {
  const bpb = s.vocab.beatsPerBar;
  const amount = s.amounts.find((a) => a.unit === 'bar' || a.unit === 'beat' || a.unit === 'second');
  if (amount) {
    const beats = amount.unit === 'bar' ? amount.value * bpb : amount.unit === 'beat' ? amount.value : (amount.value * s.document.bpm) / 60;
    return [{ beats, uses: [...range(amount.start, amount.end), ...s.find(['over', 'of', 'for', 'long'])], score: 1 }];
  }
  // "fade out the last 4 bars of the kick": the stretch at the end.
  const edge = s.times.find((t) => t.kind === 'bars');
  if (edge) {
    const [a, b] = edge.options[0]!.ranges[0]!;
    return [{ beats: b - a, uses: [...range(edge.start, edge.end), ...s.find(['over', 'of', 'for'])], score: 1 }];
  }
  void dir;
  return [2 * bpb, bpb, 4 * bpb].map((beats, i) => ({ beats, uses: [], score: i === 0 ? 1 : 0.9 }));
}

function beatsLabel(beats: number, bpb: number): string {
  const bars = beats / bpb;
  return Number.isInteger(bars) ? `${bars} bar${bars === 1 ? '' : 's'}` : `${tidy(beats)} beat${beats === 1 ? '' : 's'}`;
}

/**
 * Fades: "fade in the pad over 4 bars", "fade out the strings", "add a 2
 * bar fade out to the piano", "fade the vocals in". A fade in goes on a
 * track's first clip, a fade out on its last; it is shortened to fit.
 */
export const fadeReadings: ReadingSource = (s) => {
  const direction = fadeDirection(s);
  if (!direction) return [];
  const { dir } = direction;
  const readings: Reading[] = [];
  for (const target of targetOptions(s)) {
    for (const length of fadeLengths(s, dir)) {
      const commands: Command[] = [];
      for (const trackId of target.trackIds) {
        const clips = s.document.clips.filter((c) => c.active && c.trackId === trackId).sort((a, b) => a.start - b.start);
        const clip: Clip | undefined = dir === 'in' ? clips[0] : clips.at(-1);
        if (!clip) continue;
        const other = dir === 'in' ? clip.fadeOut.beats : clip.fadeIn.beats;
        const beats = tidy(Math.max(0, Math.min(length.beats, clip.length - other)));
        const fade = dir === 'in' ? clip.fadeIn : clip.fadeOut;
        if (beats === fade.beats) continue;
        commands.push({ type: 'updateClip', clipId: clip.id, changes: dir === 'in' ? { fadeIn: { ...fade, beats } } : { fadeOut: { ...fade, beats } } });
      }
      if (commands.length === 0) continue;
      readings.push({
        description: `Fade ${target.label} ${dir} over ${beatsLabel(length.beats, s.vocab.beatsPerBar)}`,
        commands,
        score: target.score * length.score,
        uses: [...direction.uses, ...length.uses, ...target.uses, ...s.find(['add', 'a', 'put', 'give', 'to'])],
        targets: target.trackIds,
      });
    }
  }
  return readings;
};
