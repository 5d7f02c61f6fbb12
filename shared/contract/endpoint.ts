import type { z } from 'zod';

/** One request/response pair of the contract. Both sides are zod schemas, validated on the receiving side. */
export interface Endpoint<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  readonly request: Req;
  readonly response: Res;
}

export function endpoint<Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res): Endpoint<Req, Res> {
  return { request, response };
}
