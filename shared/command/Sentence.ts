import type { ProjectDocument } from '../project/documentSchema';
import { correctSpelling, type Correction } from './correctSpelling';
import { findAmounts, type Amount } from './findAmounts';
import { findTimeMentions, type TimeMention } from './findTimeMentions';
import { findTrackMentions, type TrackMention } from './findTrackMentions';
import { FILLER, SIZE_WORDS } from './lexicon';
import { joinCompounds, projectVocabulary, type ProjectVocabulary } from './ProjectVocabulary';
import { tokenize, type Token } from './tokenize';

const FILLER_SET: ReadonlySet<string> = new Set(FILLER);

/** How big a relative change the sentence asks for: "a bit" louder, louder, "much" louder. */
export type Size = 'small' | 'normal' | 'large';

/**
 * One sentence, read against one project: its words (numbers read,
 * compounds joined, typos corrected towards the project's vocabulary),
 * and the tracks, times and amounts it mentions. Readings are built from
 * this; none of it changes once made.
 */
export class Sentence {
  readonly tokens: readonly Token[];
  readonly words: readonly string[];
  readonly corrections: readonly Correction[];
  readonly tracks: readonly TrackMention[];
  readonly times: readonly TimeMention[];
  readonly amounts: readonly Amount[];
  readonly size: Size;
  /** Indexes of the words that carry meaning (not "the", "please", "of"…). */
  readonly content: ReadonlySet<number>;

  constructor(
    readonly text: string,
    readonly document: ProjectDocument,
    readonly vocab: ProjectVocabulary = projectVocabulary(document),
    readonly playhead?: number,
  ) {
    const corrected = correctSpelling(joinCompounds(tokenize(text)), vocab.words, vocab.nameWords);
    // A correction may complete a compound ("hi hast" → "hi hats" → "hihats").
    this.tokens = joinCompounds(corrected.tokens);
    this.words = this.tokens.map((t) => t.text);
    this.corrections = corrected.corrections;
    this.times = findTimeMentions(this.tokens, vocab, playhead);
    const inTimes = new Set(this.times.flatMap((m) => range(m.start, m.end)));
    this.tracks = findTrackMentions(this.words, vocab).filter((m) => !range(m.start, m.end).some((i) => inTimes.has(i)));
    this.amounts = findAmounts(this.tokens, inTimes);
    this.size = this.words.some((w) => (SIZE_WORDS.large as readonly string[]).includes(w))
      ? 'large'
      : this.words.some((w) => (SIZE_WORDS.small as readonly string[]).includes(w))
        ? 'small'
        : 'normal';
    this.content = new Set(this.words.flatMap((w, i) => (FILLER_SET.has(w) || this.tokens[i]!.kind === 'symbol' ? [] : [i])));
  }

  /** Whether any of these words is in the sentence. */
  has(...words: readonly string[]): boolean {
    return words.some((w) => this.words.includes(w));
  }

  /** Indexes of every occurrence of these words. */
  find(words: readonly string[]): number[] {
    return this.words.flatMap((w, i) => (words.includes(w) ? [i] : []));
  }

  /** Whether `second` comes right after `first` (ignoring "the"/"a"). */
  follows(first: string, second: string): boolean {
    const words = this.words.filter((w) => w !== 'the' && w !== 'a' && w !== 'an');
    return words.some((w, i) => w === first && words[i + 1] === second);
  }
}

export function range(start: number, end: number): number[] {
  return Array.from({ length: Math.max(0, end - start) }, (_, i) => start + i);
}
