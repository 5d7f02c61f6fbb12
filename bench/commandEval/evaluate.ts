import { applyCommand } from '../../shared/project/applyCommand';
import type { Command } from '../../shared/project/commandSchema';
import type { ProjectDocument } from '../../shared/project/documentSchema';
import { evalProjectDocument, evalProjectRights } from './evalProject';
import type { EvalEntry } from './evalSet';
import { matchesReading } from './matchReading';

/** What an interpreter under evaluation returns: candidates, best first. */
export interface EvaluatedCandidate {
  readonly description: string;
  readonly commands: readonly Command[];
  readonly allowed: boolean;
}
export type Interpreter = (text: string, document: ProjectDocument, rights: ReturnType<typeof evalProjectRights>) => readonly EvaluatedCandidate[];

export interface EntryResult {
  readonly id: string;
  readonly text: string;
  /** 1-based rank of the first candidate doing an acceptable reading, or null. */
  readonly hit: number | null;
  readonly milliseconds: number;
  /** When the entry says what the licence check must answer: whether the matching candidate's check agreed. */
  readonly licenceAgrees: boolean | null;
  readonly top: readonly string[];
}

export interface EvalSummary {
  readonly entries: number;
  readonly top1: number;
  readonly top5: number;
  readonly licenceChecked: number;
  readonly licenceAgreed: number;
  readonly medianMs: number;
  readonly p95Ms: number;
  readonly maxMs: number;
  readonly results: readonly EntryResult[];
}

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

/**
 * Runs an interpreter over evaluation entries on the evaluation project:
 * for each sentence, the rank of the first candidate whose effect on the
 * document is one of the acceptable readings, and how long it took.
 */
export function evaluate(entries: readonly EvalEntry[], interpret: Interpreter, repeat = 1): EvalSummary {
  const document = evalProjectDocument();
  const rights = evalProjectRights();
  const results: EntryResult[] = entries.map((entry) => {
    let candidates: readonly EvaluatedCandidate[] = [];
    const times: number[] = [];
    for (let i = 0; i < repeat; i++) {
      const started = performance.now();
      candidates = interpret(entry.text, document, rights);
      times.push(performance.now() - started);
    }
    let hit: number | null = null;
    let licenceAgrees: boolean | null = null;
    for (const [i, candidate] of candidates.slice(0, 5).entries()) {
      let after: ProjectDocument;
      try {
        after = applyCommand(document, { type: 'batch', commands: [...candidate.commands] }).document;
      } catch {
        continue;
      }
      if (entry.accept.some((reading) => matchesReading(document, after, reading))) {
        hit = i + 1;
        if (entry.licence) licenceAgrees = candidate.allowed === (entry.licence === 'allowed');
        break;
      }
    }
    return {
      id: entry.id,
      text: entry.text,
      hit,
      milliseconds: quantile(times, 0.5),
      licenceAgrees,
      top: candidates.slice(0, 5).map((c) => `${c.allowed ? '' : '✗ '}${c.description}`),
    };
  });
  const ms = results.map((r) => r.milliseconds);
  const checked = results.filter((r) => r.licenceAgrees !== null);
  return {
    entries: results.length,
    top1: results.filter((r) => r.hit === 1).length / results.length,
    top5: results.filter((r) => r.hit !== null).length / results.length,
    licenceChecked: checked.length,
    licenceAgreed: checked.filter((r) => r.licenceAgrees).length,
    medianMs: quantile(ms, 0.5),
    p95Ms: quantile(ms, 0.95),
    maxMs: Math.max(...ms),
    results,
  };
}
