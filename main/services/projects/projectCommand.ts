import type { ParsedRequestOf, ResponseOf } from '../../../shared/contract';
import { candidateCommand, interpretCommand } from '../../../shared/command/interpretCommand';
import { licenceCheck } from '../../../shared/command/licenceCheck';
import { applyCommand, CommandRejected } from '../../../shared/project/applyCommand';
import { ServiceError } from '../ServiceError';
import type { ProjectsService } from './ProjectsService';

/**
 * `projects.command`: the candidates for a sentence, read on the service's
 * own document with the licences as they are here and now; with `apply`,
 * candidate N applied as one undo step labelled with the sentence. The
 * client is never trusted: the sentence is read again here, the applied
 * commands must be the ones the client previewed (`expect`), and the
 * licence check is repeated on the result before anything is written.
 */
export function projectCommand(projects: ProjectsService, request: ParsedRequestOf<'projects.command'>): ResponseOf<'projects.command'> {
  const { projectId, text, apply, expect, playheadBeat } = request;
  const document = projects.documentAt(projectId);
  const rights = projects.sourceRights(document);
  const interpretation = interpretCommand(text, { document, rights, ...(playheadBeat === undefined ? {} : { playheadBeat }) });
  const result = {
    text: interpretation.text,
    candidates: interpretation.candidates.map((c) => ({
      ...c,
      commands: [...c.commands],
      licence: { allowed: c.licence.allowed, reasons: [...c.licence.reasons], breaches: c.licence.breaches.map((b) => ({ ...b })) },
    })),
    corrections: [...interpretation.corrections],
    ...(interpretation.problem ? { problem: interpretation.problem } : {}),
  };
  if (apply === undefined) return result;
  if (interpretation.candidates.length === 0) throw new ServiceError('invalid-request', interpretation.problem ?? 'That sentence has no reading to apply.');
  const count = interpretation.candidates.length;
  const candidate = interpretation.candidates[apply - 1];
  if (!candidate)
    throw new ServiceError(
      'invalid-request',
      `There is no reading ${apply}: "${text.trim().slice(0, 80)}" has ${count === 1 ? 'only reading 1' : `readings 1–${count}`}.`,
    );
  if (expect && JSON.stringify(expect) !== JSON.stringify(candidate.commands)) {
    throw new ServiceError('conflict', `Reading ${apply} is no longer what was shown (the project changed); read the sentence again.`);
  }
  const command = candidateCommand(text, candidate);
  let after;
  try {
    after = applyCommand(document, command).document;
  } catch (error) {
    if (error instanceof CommandRejected) throw new ServiceError('invalid-request', error.message);
    throw error;
  }
  const check = licenceCheck(document, after, rights);
  if (!check.allowed)
    throw new ServiceError('refused', `Reading ${apply} would break a licence, so it was not applied: ${check.reasons.join(' ')}`, { reasons: check.reasons });
  const history = projects.edit(projectId, candidate.commands, command.type === 'batch' ? command.label : undefined);
  return { ...result, applied: { rank: apply, history, document: projects.documentAt(projectId) } };
}
