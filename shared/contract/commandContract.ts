import { z } from 'zod';
import { endpoint } from './endpoint';
import { commandSchema } from '../project/commandSchema';
import { projectDocumentSchema } from '../project/documentSchema';
import { historyStateSchema } from './projectsContract';

const projectId = z.string().regex(/^[0-9a-f-]{36}$/, 'a project id is a UUID');

export const licenceCheckSchema = z.object({
  allowed: z.boolean(),
  reasons: z.array(z.string()),
  breaches: z.array(z.object({ rule: z.enum(['not-usable', 'no-pitch-shift', 'no-time-stretch']), sourceId: z.string(), trackId: z.string() })),
});

export const candidateSchema = z.object({
  rank: z.number().int().min(1),
  description: z.string(),
  commands: z.array(commandSchema),
  licence: licenceCheckSchema,
  score: z.number(),
});
export type CandidateShape = z.infer<typeof candidateSchema>;

export const interpretationSchema = z.object({
  text: z.string(),
  candidates: z.array(candidateSchema),
  corrections: z.array(z.object({ from: z.string(), to: z.string() })),
  problem: z.string().optional(),
  /** Set when a candidate was applied: which, the undo state, and the document after it. */
  applied: z.object({ rank: z.number().int(), history: historyStateSchema, document: projectDocumentSchema }).optional(),
});
export type InterpretationShape = z.infer<typeof interpretationSchema>;

export const commandEndpoints = {
  /**
   * Reads one English sentence as 3–5 candidate edits of the project (see
   * shared/command/interpretCommand), each licence-checked. With `apply`,
   * also applies candidate N as one undo step labelled with the sentence —
   * after re-reading the sentence on the service's own document and
   * re-checking the licences there; `expect` (the commands the studio
   * previewed) must match, or nothing is applied.
   *
   * @example
   * bridge.call('projects.command', { projectId, text: 'mute the vocals in the chorus' })
   * bridge.call('projects.command', { projectId, text: 'mute the vocals in the chorus', apply: 1 })
   */
  'projects.command': endpoint(
    z.object({
      projectId,
      // Long enough for the service to say "at most 300 characters" itself; far too short to be a burden.
      text: z.string().max(10_000),
      apply: z.number().int().min(1).max(1_000_000).optional(),
      expect: z.array(commandSchema).max(1000).optional(),
      playheadBeat: z.number().min(0).max(100_000).optional(),
    }).strict(),
    interpretationSchema,
  ),
};
