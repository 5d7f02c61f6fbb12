import { range, type Sentence } from './Sentence';
import { listNames } from './Reading';
import type { TrackMention } from './findTrackMentions';

/** Tracks a reading acts on, with the words that named them. */
export interface TargetOption {
  readonly trackIds: readonly string[];
  readonly score: number;
  readonly uses: readonly number[];
  readonly label: string;
  /** "everything except the vocals": the tracks left out. */
  readonly except?: readonly string[];
  readonly how: 'name' | 'partial' | 'instrument' | 'kind' | 'all' | 'mixed';
}

const EXCEPT = new Set(['except', 'but', 'besides', 'apart']);

/** "Lead vocal", "Kick, Snare, Hats and Percussion". */
export function trackLabel(sentence: Sentence, trackIds: readonly string[]): string {
  if (trackIds.length === sentence.document.tracks.length && trackIds.length > 2) return 'every track';
  return listNames(trackIds.map((id) => sentence.document.tracks.find((t) => t.id === id)?.name ?? id));
}

/**
 * The ways to read which tracks a sentence is about: every track mention
 * together ("the pad and the strings"), "everything except …", and for a
 * mention with several readings ("the bass": Bass, or Bass and Sub bass)
 * each of them. Best first; `skip` leaves out mentions another part of
 * the reading took ("more bass on the kick": bass is the EQ band).
 */
export function targetOptions(sentence: Sentence, skip: (mention: TrackMention) => boolean = () => false): TargetOption[] {
  const mentions = sentence.tracks.filter((m) => !skip(m));
  if (mentions.length === 0) return [];
  const exceptAt = sentence.words.findIndex((w, i) => EXCEPT.has(w) && i > 0);
  const all = mentions.find((m) => m.options[0]!.how === 'all' && m.end <= exceptAt);
  if (exceptAt > 0 && all) {
    const left = mentions.filter((m) => m.start > exceptAt);
    if (left.length) {
      const excluded = new Set(left.flatMap((m) => m.options[0]!.trackIds));
      const ids = all.options[0]!.trackIds.filter((id) => !excluded.has(id));
      const uses = [...range(all.start, all.end), exceptAt, ...left.flatMap((m) => range(m.start, m.end))];
      return [{ trackIds: ids, score: 0.95, uses, label: `every track except ${trackLabel(sentence, [...excluded])}`, except: [...excluded], how: 'all' }];
    }
  }
  const combine = (choice: readonly number[]): TargetOption => {
    const picked = mentions.map((m, i) => m.options[choice[i]!]!);
    const ids = [...new Set(picked.flatMap((o) => o.trackIds))];
    const score = picked.reduce((min, o) => Math.min(min, o.score), 1) - (mentions.length > 1 ? 0.02 : 0);
    const how = picked.every((o) => o.how === picked[0]!.how) ? picked[0]!.how : 'mixed';
    return { trackIds: ids, score, uses: mentions.flatMap((m) => range(m.start, m.end)), label: trackLabel(sentence, ids), how };
  };
  const options = [combine(mentions.map(() => 0))];
  mentions.forEach((m, i) => {
    for (let k = 1; k < Math.min(m.options.length, 3); k++) options.push(combine(mentions.map((_, j) => (j === i ? k : 0))));
  });
  const seen = new Set<string>();
  return options
    .filter((o) => {
      const key = [...o.trackIds].sort().join('|');
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => b.score - a.score)
    .slice(0, 4);
}

/** Every track, for a sentence that names a stretch of time but no track ("make the chorus louder", "delete the outro"). */
export function everyTrack(sentence: Sentence): TargetOption {
  const ids = sentence.document.tracks.map((t) => t.id);
  return { trackIds: ids, score: 0.9, uses: sentence.find(['everything', 'all', 'tracks']), label: 'every track', how: 'all' };
}
