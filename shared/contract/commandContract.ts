import { z } from 'zod';
import { endpoint } from './endpoint';
import { commandSchema } from '../project/commandSchema';
import { projectDocumentSchema } from '../project/documentSchema';
import { historyStateSchema } from './projectsContract';

const projectId = z.string().regex(/^[0-9a-f-]{36}$/, 'a project id is a UUID');

/**
 * Whether a candidate edit keeps within the licences, and which stem rule each breach is.
 *
 * @example
 * const { candidates } = await bridge.call('projects.command', { projectId, text: 'pitch the vocals up 2 semitones' });
 * const breaches = candidates[0]?.licence.breaches.map((b) => `${b.rule} on ${b.trackId}`);
 */
export const licenceCheckSchema = z.object({
  allowed: z.boolean(),
  reasons: z.array(z.string()),
  breaches: z.array(z.object({ rule: z.enum(['not-usable', 'no-pitch-shift', 'no-time-stretch']), sourceId: z.string(), trackId: z.string() })),
});

/**
 * One reading of a typed sentence: the edit commands it stands for, their licence check and a rank.
 *
 * @example
 * const { candidates } = await bridge.call('projects.command', { projectId, text: 'mute the drums' });
 * for (const c of candidates) console.log(c.rank, c.description, c.licence.allowed);
 */
export const candidateSchema = z.object({
  rank: z.number().int().min(1),
  description: z.string(),
  commands: z.array(commandSchema),
  licence: licenceCheckSchema,
  score: z.number(),
});
export type CandidateShape = z.infer<typeof candidateSchema>;

/**
 * What `projects.command` answers: the candidates, the words it corrected, a problem, and what was applied.
 *
 * @example
 * const result = await bridge.call('projects.command', { projectId, text: 'mute the drums', apply: 1 });
 * if (result.applied) console.log(result.applied.history.undoLabel);
 * else console.log(result.problem);
 */
export const interpretationSchema = z.object({
  text: z.string(),
  candidates: z.array(candidateSchema),
  corrections: z.array(z.object({ from: z.string(), to: z.string() })),
  problem: z.string().optional(),
  /** Set when a candidate was applied: which, the undo state, and the document after it. */
  applied: z.object({ rank: z.number().int(), history: historyStateSchema, document: projectDocumentSchema }).optional(),
});
export type InterpretationShape = z.infer<typeof interpretationSchema>;

/**
 * The command bar's channel: one English sentence read as licence-checked edits of a project.
 *
 * @example
 * await bridge.call('projects.command', { projectId, text: 'loop the second verse', playheadBeat: 32 });
 */
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
    z
      .object({
        projectId,
        // Long enough for the service to say "at most 300 characters" itself; far too short to be a burden.
        text: z.string().max(10_000),
        apply: z.number().int().min(1).max(1_000_000).optional(),
        expect: z.array(commandSchema).max(1000).optional(),
        playheadBeat: z.number().min(0).max(100_000).optional(),
      })
      .strict(),
    interpretationSchema,
  ),
};
