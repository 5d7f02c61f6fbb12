import type { SourceRights } from '../contract/projectsContract';
import { applyCommand, CommandRejected } from '../project/applyCommand';
import type { Command } from '../project/commandSchema';
import type { ProjectDocument } from '../project/documentSchema';
import { commandTextProblem } from './commandTextProblem';
import type { Correction } from './correctSpelling';
import { licenceCheck, repairReading, type LicenceCheck } from './licenceCheck';
import { stemRuleBreaches } from '../rights/stemRuleBreaches';
import { projectVocabulary } from './ProjectVocabulary';
import { IdSource, type Reading } from './Reading';
import { readingSources } from './readings/readingSources';
import { Sentence } from './Sentence';

export interface InterpretContext {
  readonly document: ProjectDocument;
  /** Licence state per source id, as the open-project response carries it. */
  readonly rights: Readonly<Record<string, SourceRights>>;
  /** Where "here" is (the studio's playhead), in beats. */
  readonly playheadBeat?: number;
}

/** One reading of a sentence, ready to preview and apply. */
export interface Candidate {
  /** 1 = most likely. */
  readonly rank: number;
  readonly description: string;
  /** Ordinary edit commands; applied together as one undo step. */
  readonly commands: readonly Command[];
  readonly licence: LicenceCheck;
  /** How well it fits the sentence (0–1), for ordering only. */
  readonly score: number;
}

export interface Interpretation {
  readonly text: string;
  /** Best first; empty when nothing in the sentence could be read (then `problem` says why). */
  readonly candidates: readonly Candidate[];
  /** Words read as others ("teh" → "the"). */
  readonly corrections: readonly Correction[];
  readonly problem?: string;
}

export const MAX_CANDIDATES = 5;
/** Readings tried (applied and checked) before the list is cut: keeps a sentence well inside its time budget. */
const MAX_TRIED = 24;

/** The batch a candidate applies as: its commands, labelled with the sentence (History shows it). */
export function candidateCommand(text: string, candidate: Pick<Candidate, 'commands'>): Command {
  const label = text.trim().replace(/\s+/g, ' ');
  return { type: 'batch', label: label.length > 100 ? `${label.slice(0, 99)}…` : label, commands: [...candidate.commands] };
}

function fit(reading: Reading, sentence: Sentence): number {
  const content = sentence.content.size || 1;
  const explained = new Set(reading.uses.filter((i) => sentence.content.has(i))).size;
  return reading.score * (0.4 + 0.6 * Math.min(1, explained / content));
}

/**
 * Reads one English sentence as 3–5 candidate edits of the project: pure,
 * deterministic (the same sentence on the same document gives the same
 * candidates, ids included), offline. Each candidate is applied to a copy
 * of the document to prove it valid and to check it against the licences'
 * stem rules; one that would break a rule carries the reason and is never
 * the only candidate when an allowed one exists.
 *
 * @example
 * interpretCommand('mute the vocals in the chorus', { document, rights }).candidates[0].description
 * // 'Mute Lead vocal in the Chorus (bars 25–32) (splits its clip at bars 25 and 33)'
 */
export function interpretCommand(text: string, context: InterpretContext, max = MAX_CANDIDATES): Interpretation {
  const problem = commandTextProblem(text);
  if (problem) return { text, candidates: [], corrections: [], problem };
  const { document, rights } = context;
  const sentence = new Sentence(text, document, projectVocabulary(document), context.playheadBeat);
  const ids = new IdSource(document);
  const readings = readingSources
    .flatMap((source) => source(sentence, ids))
    .map((reading, order) => ({ reading, fit: fit(reading, sentence), order }))
    .sort((a, b) => b.fit - a.fit || a.order - b.order);

  const before = JSON.stringify(document);
  const breachesBefore = stemRuleBreaches(document, rights);
  const seen = new Set<string>();
  const tried: Omit<Candidate, 'rank'>[] = [];
  let lastProblem: string | undefined;
  const tryReading = (reading: Reading, score: number) => {
    let after: ProjectDocument;
    try {
      after = applyCommand(document, { type: 'batch', commands: [...reading.commands] }).document;
    } catch (error) {
      if (error instanceof CommandRejected) {
        lastProblem = error.message;
        return null;
      }
      throw error;
    }
    const key = JSON.stringify(after);
    if (key === before) {
      lastProblem ??= `"${text.trim()}" would change nothing: the project is already that way.`;
      return null;
    }
    if (seen.has(key)) return null;
    seen.add(key);
    const candidate = {
      description: reading.description,
      commands: reading.commands,
      licence: licenceCheck(breachesBefore, after, rights),
      score: Math.round(score * 1000) / 1000,
    };
    tried.push(candidate);
    return candidate;
  };
  for (const { reading, fit: score } of readings.slice(0, MAX_TRIED)) {
    // Enough to show, one of them allowed: the rest would rank below what is shown.
    if (tried.length >= max && tried.some((c) => c.licence.allowed) && score <= Math.min(...tried.map((c) => c.score))) break;
    if (reading.refusal) {
      lastProblem ??= reading.refusal;
      continue;
    }
    const candidate = tryReading(reading, score);
    if (candidate && !candidate.licence.allowed) {
      const repaired = repairReading(reading, candidate.licence, document);
      if (repaired) tryReading(repaired, score * 0.9);
    }
  }
  tried.sort((a, b) => b.score - a.score);
  const shown = tried.slice(0, max);
  const allowed = tried.find((c) => c.licence.allowed);
  if (allowed && !shown.some((c) => c.licence.allowed)) shown[shown.length - 1] = allowed;
  const candidates = shown.map((c, i) => ({ ...c, rank: i + 1 }));
  if (candidates.length === 0) {
    return {
      text,
      candidates,
      corrections: sentence.corrections,
      problem: lastProblem ?? `Nothing in "${text.trim()}" reads as an edit of this project. Try e.g. "mute the vocals in the chorus" or "take it up to 128".`,
    };
  }
  return { text, candidates, corrections: sentence.corrections };
}
