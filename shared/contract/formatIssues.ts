import type { z } from 'zod';

/**
 * Turns zod issues into one readable line per problem: `field.path: what is wrong`.
 *
 * @example
 * const parsed = exportOptionsSchema.safeParse({ projectId, format: 'ogg' });
 * if (!parsed.success) formatIssues(parsed.error);   // ["format: Invalid option: expected one of \"wav\"|\"flac\"|\"mp3\""]
 */
export function formatIssues(error: z.ZodError, root = ''): string[] {
  return error.issues.map((issue) => {
    const path = [root, ...issue.path.map(String)].filter(Boolean).join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
}
