import type { Command } from '../project/commandSchema';
import type { ProjectDocument } from '../project/documentSchema';
import type { Sentence } from './Sentence';

/** One way to understand a sentence: ordinary edit commands, said in one line. */
export interface Reading {
  readonly description: string;
  readonly commands: readonly Command[];
  /** How likely this is what was meant, before counting how much of the sentence it explains (0–1). */
  readonly score: number;
  /** Indexes of the sentence's words this reading accounts for. */
  readonly uses: readonly number[];
  /** The tracks the sentence asked to change (a licence repair never mutes these to make a reading allowed). */
  readonly targets?: readonly string[];
  /** Set when the reading is understood but cannot be done ("300 BPM is the fastest"): never a candidate, but said when nothing else is. */
  readonly refusal?: string;
}

/** Builds the readings of one kind of edit for a sentence. */
export type ReadingSource = (sentence: Sentence, ids: IdSource) => Reading[];

/**
 * Fresh ids for clips, tracks, effects and markers a reading creates,
 * deterministic (the same sentence on the same document gives the same
 * ids, so the service can re-interpret and compare with what the studio
 * previewed) and unused in the document.
 */
export class IdSource {
  private readonly used: Set<string>;
  private counter = 0;

  constructor(doc: ProjectDocument) {
    this.used = new Set([
      ...doc.clips.map((c) => c.id),
      ...doc.tracks.map((t) => t.id),
      ...doc.tracks.flatMap((t) => t.effects.map((e) => e.id)),
      ...doc.markers.map((m) => m.id),
      ...doc.sources.map((s) => s.id),
    ]);
  }

  next(prefix: string): string {
    let id: string;
    do id = `${prefix}-said-${++this.counter}`;
    while (this.used.has(id));
    this.used.add(id);
    return id;
  }

  /** A copy that continues from here (each reading draws its own ids). */
  fork(): IdSource {
    const copy = Object.create(IdSource.prototype) as IdSource;
    Object.assign(copy, { used: new Set(this.used), counter: this.counter });
    return copy;
  }
}

/** "Kick", "Kick and Snare", "Kick, Snare and Hats". */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** "Piano's", "Strings'", "every track's". */
export function possessive(name: string): string {
  return name.endsWith('s') ? `${name}'` : `${name}'s`;
}

/** "+3 dB", "−2.5 dB". */
export function formatDb(db: number): string {
  const rounded = Math.round(db * 10) / 10;
  return `${rounded > 0 ? '+' : rounded < 0 ? '−' : ''}${Math.abs(rounded)} dB`;
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Rounds away floating-point dust (0.30000000000000004 → 0.3). */
export function tidy(value: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
