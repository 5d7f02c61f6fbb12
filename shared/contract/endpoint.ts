import type { z } from 'zod';

/**
 * One request/response pair of the contract. Both sides are zod schemas, validated on the receiving side.
 *
 * @example
 * const check: Endpoint = exportsEndpoints['exports.check'];
 * check.request.parse({ projectId });
 */
export interface Endpoint<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  readonly request: Req;
  readonly response: Res;
}

/**
 * Declares a channel: its request and response schemas.
 *
 * @example
 * const cancel = endpoint(z.object({ taskId: taskIdSchema }).strict(), z.object({ cancelled: z.boolean() }));
 */
export function endpoint<Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res): Endpoint<Req, Res> {
  return { request, response };
}
