import type { z } from 'zod';
import { unsafeCharacter } from './unsafeCharacters';

/**
 * A zod refinement for names and titles: refuses control, escape and
 * bidirectional-override characters (see unsafeCharacter), naming the
 * first one found.
 *
 * @example
 * const title = z.string().min(1).max(300).superRefine(refuseUnsafeCharacters);
 */
export function refuseUnsafeCharacters(value: string, ctx: z.RefinementCtx): void {
  const found = unsafeCharacter(value);
  if (found) ctx.addIssue({ code: 'custom', message: `contains ${found}; names and titles may not hold control, escape or bidirectional-override characters` });
}
