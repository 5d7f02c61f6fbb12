import { z } from 'zod';

/**
 * Why a request failed, in words a user can act on. `details` carries structured extras (e.g. licence reasons).
 *
 * @example
 * const result = await transport.invoke('projects.open', { projectId });
 * if (!result.ok) console.log(serviceErrorSchema.parse(result.error).message);
 */
export const serviceErrorSchema = z.object({
  code: z.enum(['invalid-request', 'not-found', 'refused', 'conflict', 'forbidden', 'cancelled', 'unavailable', 'internal']),
  message: z.string(),
  details: z.unknown().optional(),
});

export type ServiceErrorShape = z.infer<typeof serviceErrorSchema>;
export type ServiceErrorCode = ServiceErrorShape['code'];

/**
 * What crosses every transport: a value or a readable error, never a thrown exception.
 *
 * @example
 * const answer: Result<LibraryInfo> = { ok: false, error: { code: 'not-found', message: 'No such project.' } };
 */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ServiceErrorShape };
