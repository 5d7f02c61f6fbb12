import type { TimeMention } from './findTimeMentions';
import { formatRange } from './formatBars';
import type { Ranges } from './regionEdit';
import { range, type Sentence } from './Sentence';

/** A stretch of the song a reading is limited to ("in the chorus", "for the first 8 bars"). */
export interface ScopeOption {
  readonly ranges: Ranges;
  /** How a description says it: "for bars 1–8", "in the Chorus (bars 25–32)", "until the Drop (bars 1–64)". */
  readonly phrase: string;
  readonly score: number;
  readonly uses: readonly number[];
  readonly mention: TimeMention;
}

const SCOPE_PREPS = new Set(['in', 'for', 'during', 'throughout', 'over', 'from', 'across', 'within', 'inside', 'of', 'on', 'between', null]);
const BEFORE = new Set(['until', 'till', 'til', 'before']);

/**
 * The time scopes a sentence sets, each reading of each: sections and
 * bar ranges after "in", "for", "during"…; "until the chorus" is the song
 * up to it, "after the bridge" the rest after it.
 */
export function scopeOptions(sentence: Sentence, skip: (m: TimeMention) => boolean = () => false): ScopeOption[] {
  const { vocab } = sentence;
  const options: ScopeOption[] = [];
  for (const mention of sentence.times) {
    if (skip(mention) || mention.kind === 'point') continue;
    const uses = range(Math.max(0, mention.start - (mention.prep ? 1 : 0)), mention.end);
    if (BEFORE.has(mention.prep ?? '')) {
      const start = mention.options[0]!.ranges[0]![0];
      if (start > 0)
        options.push({
          ranges: [[0, start]],
          phrase: `until ${mention.options[0]!.label.replace(/ \(.*\)$/, '')} (${formatRange(0, start, vocab.beatsPerBar)})`,
          score: 0.95,
          uses,
          mention,
        });
      continue;
    }
    if (mention.prep === 'after' || (mention.prep === 'from' && sentence.words[mention.end] === 'on')) {
      const first = mention.options[0]!.ranges[0]!;
      const start = mention.prep === 'after' ? first[1] : first[0];
      if (start < vocab.end)
        options.push({
          ranges: [[start, vocab.end]],
          phrase: `for ${formatRange(start, vocab.end, vocab.beatsPerBar)}`,
          score: 0.95,
          uses: [...uses, mention.end],
          mention,
        });
      continue;
    }
    if (!SCOPE_PREPS.has(mention.prep)) continue;
    for (const option of mention.options) {
      const phrase =
        mention.kind === 'section' ? `in ${option.label}` : `for ${option.ranges.map(([a, b]) => formatRange(a, b, vocab.beatsPerBar)).join(', ')}`;
      options.push({ ranges: option.ranges, phrase, score: option.score, uses, mention });
    }
  }
  return options;
}
