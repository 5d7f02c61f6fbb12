import type { ProjectDocument, Track } from '../project/documentSchema';
import { arrangementEnd } from '../project/timing';
import { COMPOUNDS, INSTRUMENTS, KIND_WORDS, type StemKind } from './instrumentWords';
import { SECTION_WORDS, grammarWords } from './lexicon';
import { tokenize, type Token } from './tokenize';

export interface TrackEntry {
  readonly track: Track;
  /** The name as words, compounds joined ("Sub bass" → ["subbass"], "Hi-hats" → ["hihats"]), singular. */
  readonly words: readonly string[];
  /** `words` joined with spaces, for comparing a phrase with the whole name. */
  readonly phrase: string;
  readonly kind: StemKind | null;
  /** The instrument its name says, if any (index into INSTRUMENTS). */
  readonly instrument: number | null;
  /** Heard at all: not muted, and has an active clip. */
  readonly audible: boolean;
}

/** A stretch of the song between one marker and the next. */
export interface Section {
  readonly name: string;
  /** What kind of section ("chorus" for "Chorus", "Hook" and "Chorus 2"). */
  readonly base: string;
  /** 1 for the first section of its base, 2 for the second… */
  readonly occurrence: number;
  readonly start: number;
  readonly end: number;
}

export interface ProjectVocabulary {
  readonly tracks: readonly TrackEntry[];
  readonly sections: readonly Section[];
  readonly beatsPerBar: number;
  /** The end of the arrangement, in beats. */
  readonly end: number;
  /** Every word spelling correction may correct towards. */
  readonly words: ReadonlySet<string>;
  /** Words of track and marker names (preferred when a typo is as close to a grammar word). */
  readonly nameWords: ReadonlySet<string>;
}

/** Singular for comparing names ("vocals" ≈ "vocal"); keeps "bass", "keys" and short words. */
export function singular(word: string): string {
  return word.length > 3 && word.endsWith('s') && !/(ss|us|is)$/.test(word) && word !== 'keys' ? word.slice(0, -1) : word;
}

/** Joins the two-word phrases the grammar reads as one ("hi hats", "low pass", "half time"). */
export function joinCompounds(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const next = tokens[i + 1];
    const compound = next && COMPOUNDS.find(([a, b]) => tokens[i]!.text === a && next.text === b);
    if (compound) {
      out.push({ kind: 'word', text: compound[2] });
      i++;
    } else out.push(tokens[i]!);
  }
  return out;
}

export function nameWords(name: string): string[] {
  return joinCompounds(tokenize(name)).map((t) => singular(t.text));
}

function trackKind(doc: ProjectDocument, track: Track): StemKind | null {
  if (track.kind === 'record') return 'recording';
  const counts = new Map<StemKind, number>();
  for (const clip of doc.clips) {
    if (clip.trackId !== track.id) continue;
    const source = doc.sources.find((s) => s.id === clip.sourceId);
    const kind: StemKind = source?.type === 'catalog' ? source.kind : 'recording';
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

function sectionBase(words: readonly string[]): string {
  const named = words.find((w) => w in SECTION_WORDS);
  if (named) return SECTION_WORDS[named]!;
  return words.filter((w) => !/^\d+$/.test(w)).join(' ') || words.join(' ');
}

/**
 * What a sentence can refer to in this project: its tracks (with the
 * instrument and stem kind each is), its sections (from the markers, with
 * which verse or chorus each is), the bar length and the song's end.
 */
export function projectVocabulary(doc: ProjectDocument): ProjectVocabulary {
  const cached = cache.get(doc);
  if (cached) return cached;
  const vocabulary = buildVocabulary(doc);
  cache.set(doc, vocabulary);
  return vocabulary;
}

// Documents are never mutated (every edit makes a new one), so a document's vocabulary can be kept while it lives.
const cache = new WeakMap<ProjectDocument, ProjectVocabulary>();

function buildVocabulary(doc: ProjectDocument): ProjectVocabulary {
  const tracks: TrackEntry[] = doc.tracks.map((track) => {
    const words = nameWords(track.name);
    const instrument = INSTRUMENTS.findIndex((i) => i.names.some((n) => words.includes(singular(n))));
    return {
      track,
      words,
      phrase: words.join(' '),
      kind: trackKind(doc, track),
      instrument: instrument >= 0 ? instrument : null,
      audible: !track.mute && doc.clips.some((c) => c.trackId === track.id && c.active),
    };
  });
  const end = arrangementEnd(doc);
  const markers = [...doc.markers].sort((a, b) => a.beat - b.beat);
  const seen = new Map<string, number>();
  const sections: Section[] = markers.map((marker, i) => {
    const base = sectionBase(nameWords(marker.name));
    const occurrence = (seen.get(base) ?? 0) + 1;
    seen.set(base, occurrence);
    const next = markers.slice(i + 1).find((m) => m.beat > marker.beat);
    return {
      name: marker.name,
      base,
      occurrence,
      start: onGrid(marker.beat),
      end: next ? onGrid(next.beat) : Math.max(end, marker.beat + doc.timeSignature[0]),
    };
  });
  const names = new Set<string>();
  for (const t of tracks) for (const w of t.words) names.add(w);
  for (const m of doc.markers) for (const w of nameWords(m.name)) names.add(w);
  for (const t of doc.tracks) for (const w of tokenize(t.name)) if (w.kind === 'word') names.add(w.text);
  const words = new Set([
    ...grammarWords(),
    ...names,
    ...Object.keys(KIND_WORDS),
    ...INSTRUMENTS.flatMap((i) => i.words),
    ...COMPOUNDS.map((c) => c[2]),
    ...KEY_WORDS,
  ]);
  return { tracks, sections, beatsPerBar: doc.timeSignature[0], end, words, nameWords: names };
}

/** Markers made from a recording's section times land a hair off the beat (64.001): sections start on it. */
function onGrid(beat: number): number {
  return Math.abs(beat - Math.round(beat)) < 0.01 ? Math.round(beat) : beat;
}

const KEY_WORDS = [
  'a',
  'b',
  'c',
  'd',
  'e',
  'f',
  'g',
  'c#',
  'd#',
  'f#',
  'g#',
  'a#',
  'db',
  'eb',
  'gb',
  'ab',
  'bb',
  'major',
  'minor',
  'maj',
  'min',
  'sharp',
  'flat',
  'natural',
];
