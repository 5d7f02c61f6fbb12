import { SECTION_WORDS, UNIT_WORDS } from './lexicon';
import type { ProjectVocabulary, Section } from './ProjectVocabulary';
import { formatBars, formatBeat, formatRange } from './formatBars';
import type { Token } from './tokenize';

/** One reading of a time mention: beat ranges [start, end), in order. A point is the start of its first range. */
export interface TimeOption {
  readonly ranges: readonly (readonly [number, number])[];
  readonly label: string;
  readonly score: number;
  /** The sections it names, when it names sections. */
  readonly sections?: readonly Section[];
}

export interface TimeMention {
  readonly start: number;
  readonly end: number;
  /** What it is: sections, a stretch of bars, one bar, or a single point in time. */
  readonly kind: 'section' | 'bars' | 'bar' | 'point';
  /** The preposition before it ("in", "at", "to", "from", "until"…), if any. */
  readonly prep: string | null;
  readonly options: readonly TimeOption[];
}

const ORDINAL_WORDS = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
const RANGE_JOIN = new Set(['to', 'through', 'thru', 'until', 'till', 'til', '-', 'and']);
const PREPS = new Set([
  'in',
  'at',
  'to',
  'from',
  'for',
  'during',
  'until',
  'till',
  'til',
  'before',
  'after',
  'of',
  'on',
  'over',
  'throughout',
  'across',
  'by',
  'into',
  'onto',
  'between',
  'since',
  'within',
  'inside',
  'outside',
  'except',
]);
const SKIP = new Set(['the', 'a', 'every', 'each', 'all', 'both', 'whole', 'entire']);
const ALL_WORDS = new Set(['every', 'each', 'all', 'both']);

function prepBefore(words: readonly string[], start: number): string | null {
  for (let i = start - 1; i >= 0 && i >= start - 3; i--) {
    if (PREPS.has(words[i]!)) return words[i]!;
    if (!SKIP.has(words[i]!) && !/^\d/.test(words[i]!)) return null;
  }
  return null;
}

const isInt = (t: Token | undefined) => t?.kind === 'number' && Number.isInteger(t.value) && t.value! >= 1 && t.value! <= 10_000;

/** "bar(s) 9 to 16", "bars 17-24", "bar 33", "bar 2 beat 3", "the first 8 bars", "the last four bars (of the chorus)". */
function barMention(tokens: readonly Token[], i: number, vocab: ProjectVocabulary): TimeMention | null {
  const bpb = vocab.beatsPerBar;
  const unit = UNIT_WORDS[tokens[i]?.text ?? ''];
  const words = tokens.map((t) => t.text);
  if (unit === 'bar' && isInt(tokens[i + 1])) {
    const a = tokens[i + 1]!.value!;
    let j = i + 2;
    if (RANGE_JOIN.has(words[j] ?? '')) {
      const k = UNIT_WORDS[words[j + 1] ?? ''] === 'bar' ? j + 2 : j + 1;
      if (isInt(tokens[k]) && tokens[k]!.value! >= a) {
        const b = tokens[k]!.value!;
        return {
          start: i,
          end: k + 1,
          kind: 'bars',
          prep: prepBefore(words, i),
          options: [{ ranges: [[(a - 1) * bpb, b * bpb]], label: formatBars(a, b), score: 1 }],
        };
      }
    }
    if (UNIT_WORDS[words[j] ?? ''] === 'beat' && isInt(tokens[j + 1]) && tokens[j + 1]!.value! <= bpb) {
      const beat = (a - 1) * bpb + tokens[j + 1]!.value! - 1;
      j += 2;
      return { start: i, end: j, kind: 'point', prep: prepBefore(words, i), options: [{ ranges: [[beat, beat]], label: formatBeat(beat, bpb), score: 1 }] };
    }
    return { start: i, end: j, kind: 'bar', prep: prepBefore(words, i), options: [{ ranges: [[(a - 1) * bpb, a * bpb]], label: `bar ${a}`, score: 1 }] };
  }
  // "the first 8 bars", "the last bar", "the first two beats"
  const ordinal = tokens[i];
  const edge =
    ordinal?.kind === 'ordinal' && (ordinal.value === 1 || ordinal.value === -1)
      ? ordinal.value
      : ['opening', 'closing', 'final'].includes(ordinal?.text ?? '')
        ? ordinal!.text === 'opening'
          ? 1
          : -1
        : null;
  if (edge === null) return null;
  const counted = isInt(tokens[i + 1]) ? tokens[i + 1]!.value! : null;
  const unitAt = counted === null ? i + 1 : i + 2;
  const what = UNIT_WORDS[words[unitAt] ?? ''];
  if (what !== 'bar' && what !== 'beat') return null;
  const beats = (counted ?? 1) * (what === 'bar' ? bpb : 1);
  return {
    start: i,
    end: unitAt + 1,
    kind: 'bars',
    prep: prepBefore(words, i),
    options: [
      {
        ranges: [[edge === 1 ? 0 : -beats, edge === 1 ? beats : 0]],
        label: `${edge === 1 ? 'the first' : 'the last'} ${counted ?? ''} ${what}${counted === 1 || counted === null ? '' : 's'}`.replace(/ {2}/g, ' '),
        score: 1,
      },
    ],
  };
}

function sectionLabel(sections: readonly Section[], all: boolean, beatsPerBar: number): string {
  const where = sections.map((s) => formatRange(s.start, s.end, beatsPerBar).replace(/^bars? /, '')).join(', ');
  if (all && sections.length > 1) return `every ${sections[0]!.name.replace(/\s*\d+$/, '')} (bars ${where})`;
  const section = sections[0]!;
  const nth = section.occurrence > 1 && !/\d$/.test(section.name) ? `${ORDINAL_WORDS[section.occurrence] ?? `${section.occurrence}th`} ` : '';
  return `${/\d$/.test(section.name) ? '' : 'the '}${nth}${section.name} (${formatRange(section.start, section.end, beatsPerBar)})`;
}

/** "the chorus", "the second verse", "verse 2", "the last chorus", "every chorus", "the drop". */
function sectionMention(tokens: readonly Token[], i: number, vocab: ProjectVocabulary): TimeMention | null {
  const words = tokens.map((t) => t.text);
  const word = words[i]!;
  if (i === 0) return null; // "drop the vocals", "solo the bass": a verb, not a section.
  const base = SECTION_WORDS[word] ?? vocab.sections.find((s) => s.base === word)?.base;
  if (!base) return null;
  const all = vocab.sections.filter((s) => s.base === base);
  if (all.length === 0) return null;
  let j = i - 1;
  while (j >= 0 && (words[j] === 'the' || words[j] === 'of')) j--;
  const before = tokens[i - 1]?.kind === 'ordinal' ? tokens[i - 1] : tokens[j]?.kind === 'ordinal' && j === i - 2 ? tokens[j] : undefined;
  const after = tokens[i + 1];
  const plural = word !== base && word.endsWith('s') && !SECTION_WORDS[base]?.endsWith('s');
  const every = ALL_WORDS.has(words[i - 1] ?? '') || (words[i - 1] === 'the' && ALL_WORDS.has(words[i - 2] ?? ''));
  const start = before ? i - 1 - (j === i - 2 && tokens[i - 1]?.kind !== 'ordinal' ? 1 : 0) : i;
  const mention = (options: TimeOption[], end = i + 1): TimeMention => ({ start, end, kind: 'section', prep: prepBefore(words, start), options });
  const pick = (n: number) => (n === -1 ? all.at(-1) : all.find((s) => s.occurrence === n));
  const option = (sections: Section[], score: number, isAll = false): TimeOption => ({
    ranges: sections.map((s) => [s.start, s.end] as const),
    label: sectionLabel(sections, isAll, vocab.beatsPerBar),
    score,
    sections,
  });
  if (before) {
    const section = pick(before.value!);
    return section ? mention([option([section], 1)]) : null;
  }
  if (isInt(after) && !UNIT_WORDS[words[i + 2] ?? '']) {
    // "verse 2"; "drop 2" in a song with one drop is a name, not a section.
    return after!.value! <= all.length ? mention([option([pick(after!.value!)!], 1)], i + 2) : null;
  }
  if (plural || every || all.length === 1) return mention([option(all, 1, true)]);
  // "the chorus" with three choruses: the first, all of them, or one of the others.
  return mention([option([all[0]!], 1), option(all, 0.95, true), ...all.slice(1).map((section, k) => option([section], 0.8 - 0.02 * k))]);
}

/**
 * Finds the times a sentence names: sections from the project's markers
 * (with which verse or chorus), bars and bar ranges, the first or last
 * bars, the start and the end. Each comes with the preposition before it,
 * which says whether it is where something happens or where it goes.
 */
export function findTimeMentions(tokens: readonly Token[], vocab: ProjectVocabulary, playhead: number | undefined): TimeMention[] {
  const words = tokens.map((t) => t.text);
  const mentions: TimeMention[] = [];
  for (let i = 0; i < tokens.length;) {
    const found = barMention(tokens, i, vocab) ?? sectionMention(tokens, i, vocab) ?? edgeMention(words, i, vocab, playhead);
    if (found) {
      mentions.push(resolveEdges(found, vocab));
      i = found.end;
    } else i++;
  }
  return mentions;
}

/** "the start", "the beginning", "the end", "here", "the playhead". */
function edgeMention(words: readonly string[], i: number, vocab: ProjectVocabulary, playhead: number | undefined): TimeMention | null {
  const word = words[i]!;
  if (words[i - 1] === 'the' && (word === 'start' || word === 'beginning' || word === 'top'))
    return { start: i, end: i + 1, kind: 'point', prep: prepBefore(words, i), options: [{ ranges: [[0, 0]], label: 'the start', score: 1 }] };
  if (words[i - 1] === 'the' && word === 'end' && words[i + 1] !== 'of')
    return { start: i, end: i + 1, kind: 'point', prep: prepBefore(words, i), options: [{ ranges: [[vocab.end, vocab.end]], label: 'the end', score: 1 }] };
  if (playhead !== undefined && (word === 'here' || word === 'playhead' || word === 'cursor' || (word === 'now' && i > 0))) {
    return {
      start: i,
      end: i + 1,
      kind: 'point',
      prep: prepBefore(words, i),
      options: [{ ranges: [[playhead, playhead]], label: `the playhead (${formatBeat(playhead, vocab.beatsPerBar)})`, score: 1 }],
    };
  }
  return null;
}

/** "the last 4 bars" was found without knowing the end: put it there. */
function resolveEdges(mention: TimeMention, vocab: ProjectVocabulary): TimeMention {
  return {
    ...mention,
    options: mention.options.map((o) => ({
      ...o,
      ranges: o.ranges.map(([a, b]) => (a < 0 ? ([Math.max(0, vocab.end + a), vocab.end + b] as const) : ([a, b] as const))),
    })),
  };
}
