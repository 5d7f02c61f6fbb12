import { INSTRUMENTS, KIND_WORDS } from './instrumentWords';
import { EFFECT_WORDS } from './lexicon';
import { singular, type ProjectVocabulary, type TrackEntry } from './ProjectVocabulary';

/** One way to read a mention: the tracks it means, and how sure that reading is. */
export interface TrackOption {
  readonly trackIds: readonly string[];
  readonly score: number;
  /** How it was matched: the track's own name, an instrument, a stem kind, or every track. */
  readonly how: 'name' | 'partial' | 'instrument' | 'kind' | 'all';
}

/** Words [start, end) of the sentence that name tracks, with every reading of them, best first. */
export interface TrackMention {
  readonly start: number;
  readonly end: number;
  readonly options: readonly TrackOption[];
}

/** How long a phrase for "every track" starts at `i` (0 if none): everything, all (the) tracks, every track, the whole mix… */
function allTracksLength(words: readonly string[], i: number): number {
  const [a, b, c] = [words[i], words[i + 1], words[i + 2]];
  if (a === 'everything' || a === 'everyone') return 1;
  if (
    (a === 'all' || a === 'every' || a === 'each') &&
    (b === 'tracks' || b === 'track' || b === 'stems' || b === 'stem' || b === 'channels' || b === 'instruments' || b === 'parts')
  )
    return 2;
  if (a === 'all' && b === 'the' && (c === 'tracks' || c === 'stems' || c === 'instruments' || c === 'parts')) return 3;
  if (a === 'all' && (b === undefined || b === 'but' || b === 'except')) return 1;
  if ((a === 'whole' || a === 'entire') && (b === 'mix' || b === 'thing' || b === 'song' || b === 'track' || b === 'arrangement' || b === 'project')) return 2;
  // "the reverb mix" is the effect's, not the whole mix.
  if ((a === 'mix' && !EFFECT_WORDS[words[i - 1] ?? '']) || a === 'master') return 1;
  return 0;
}

function idsOf(entries: readonly TrackEntry[]): string[] {
  return entries.map((e) => e.track.id);
}

/** Readings of one stretch of words as tracks, or none. */
function optionsFor(words: readonly string[], vocab: ProjectVocabulary): TrackOption[] {
  const options: TrackOption[] = [];
  const add = (entries: readonly TrackEntry[], score: number, how: TrackOption['how']) => {
    if (entries.length === 0) return;
    options.push({ trackIds: idsOf(entries), score, how });
    // A group that includes silent tracks also reads as just its heard ones.
    const heard = entries.filter((e) => e.audible);
    if (heard.length > 0 && heard.length < entries.length) options.push({ trackIds: idsOf(heard), score: score + 0.01, how });
  };
  const sing = words.map(singular);
  const phrase = sing.join(' ');
  const exact = vocab.tracks.filter((t) => t.phrase === phrase);
  add(exact, 1, 'name');
  if (words.length === 1) {
    const word = sing[0]!;
    const raw = words[0]!;
    const partial = vocab.tracks.filter((t) => t.words.length > 1 && t.words.includes(word) && !exact.includes(t));
    if (partial.length) add(partial, exact.length ? 0.8 : 0.92, 'partial');
    const instrument = INSTRUMENTS.findIndex((i) => i.words.includes(raw) || i.words.includes(word));
    if (instrument >= 0) {
      const named = vocab.tracks.filter((t) => t.instrument === instrument && !exact.includes(t));
      if (named.length) add(named, exact.length ? 0.85 : 0.95, 'instrument');
      else if (!exact.length)
        add(
          vocab.tracks.filter((t) => t.kind === INSTRUMENTS[instrument]!.kind),
          0.7,
          'kind',
        );
    }
    const kind = KIND_WORDS[raw] ?? KIND_WORDS[word];
    if (kind)
      add(
        vocab.tracks.filter((t) => t.kind === kind),
        exact.length || partial.length ? 0.86 : 0.9,
        'kind',
      );
  }
  // A wider reading: the whole stem kind of a single named track ("the kick" → every drum track).
  const top = options[0];
  if (top && top.trackIds.length === 1 && top.how !== 'kind') {
    const kind = vocab.tracks.find((t) => t.track.id === top.trackIds[0])?.kind;
    const group = vocab.tracks.filter((t) => t.kind === kind && kind !== null);
    if (group.length > 1) options.push({ trackIds: idsOf(group), score: 0.6, how: 'kind' });
  }
  const best = new Map<string, TrackOption>();
  for (const option of options) {
    const key = [...option.trackIds].sort().join('|');
    if ((best.get(key)?.score ?? -1) < option.score) best.set(key, option);
  }
  return [...best.values()].sort((a, b) => b.score - a.score);
}

/**
 * Finds the tracks a sentence names: by their own names ("Lead vocal",
 * "the sub"), by instrument ("kick", "hats", "vox"), by stem kind
 * ("drums", "the low end") or all of them ("everything"). Longer
 * matches win over the words inside them.
 */
export function findTrackMentions(words: readonly string[], vocab: ProjectVocabulary): TrackMention[] {
  const mentions: TrackMention[] = [];
  for (let i = 0; i < words.length;) {
    let found: TrackMention | null = null;
    for (let length = Math.min(3, words.length - i); length >= 1 && !found; length--) {
      const options = optionsFor(words.slice(i, i + length), vocab);
      if (options.length) found = { start: i, end: i + length, options };
    }
    const all = found ? 0 : allTracksLength(words, i);
    if (all) found = { start: i, end: i + all, options: [{ trackIds: vocab.tracks.map((t) => t.track.id), score: 0.9, how: 'all' }] };
    if (found) {
      mentions.push(found);
      i = found.end;
    } else i++;
  }
  return mentions;
}
