import type { Clip } from '../project/documentSchema';
import { formatBeat } from './formatBars';
import type { TimeMention } from './findTimeMentions';
import { range, type Sentence } from './Sentence';
import type { TargetOption } from './targetOptions';

/** Which clips of the target tracks a sentence means, as one reading. */
export interface ClipChoice {
  readonly clips: readonly Clip[];
  /** Only part of each clip ("the chorus percussion"): [start, end) beats, else null. */
  readonly within: readonly [number, number] | null;
  readonly label: string;
  readonly score: number;
  readonly uses: readonly number[];
}

const ORDINAL_NAMES = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

/** The clip of the track(s) in the target, by position: "the first riser", "the second guitar clip", "the last percussion clip". */
function ordinalBefore(s: Sentence, target: TargetOption): { n: number; at: number } | null {
  const first = Math.min(...target.uses);
  for (let i = first - 1; i >= 0 && i >= first - 2; i--) {
    const token = s.tokens[i]!;
    if (token.kind === 'ordinal') return { n: token.value!, at: i };
    if (token.text !== 'the') break;
  }
  return null;
}

/**
 * The clips a move, copy, delete or trim acts on: the n-th clip when an
 * ordinal says so; the part inside a section named as a qualifier ("the
 * chorus percussion"); else every clip of the tracks, or just the first.
 */
export function clipChoices(s: Sentence, target: TargetOption, qualifier?: TimeMention): ClipChoice[] {
  const clips = s.document.clips.filter((c) => c.active && target.trackIds.includes(c.trackId)).sort((a, b) => a.start - b.start);
  if (clips.length === 0) return [];
  const bpb = s.vocab.beatsPerBar;
  const clipWord = s.find(['clip', 'clips', 'part', 'region']);
  const ordinal = ordinalBefore(s, target);
  if (ordinal) {
    const clip = ordinal.n === -1 ? clips.at(-1) : clips[ordinal.n - 1];
    if (!clip) return [];
    const name = ordinal.n === -1 ? 'last' : (ORDINAL_NAMES[ordinal.n] ?? `${ordinal.n}th`);
    return [
      { clips: [clip], within: null, label: `the ${name} ${target.label} clip (${formatBeat(clip.start, bpb)})`, score: 1, uses: [ordinal.at, ...clipWord] },
    ];
  }
  if (qualifier) {
    const [a, b] = qualifier.options[0]!.ranges[0]!;
    const inside = clips.filter((c) => c.start < b && c.start + c.length > a);
    if (inside.length)
      return [
        {
          clips: inside,
          within: [a, b],
          label: `${target.label} in ${qualifier.options[0]!.label}`,
          score: 1,
          uses: [...range(qualifier.start, qualifier.end), ...clipWord],
        },
      ];
  }
  const all: ClipChoice = { clips, within: null, label: clips.length === 1 ? `${target.label}` : `every ${target.label} clip`, score: 1, uses: clipWord };
  if (clips.length === 1) return [all];
  return [
    all,
    { clips: [clips[0]!], within: null, label: `the first ${target.label} clip (${formatBeat(clips[0]!.start, bpb)})`, score: 0.93, uses: clipWord },
  ];
}
