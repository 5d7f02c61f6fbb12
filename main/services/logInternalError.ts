import { escapeForTerminal } from '../../shared/text/unsafeCharacters';

/**
 * Reports a failure nobody asked for a reply to (a handler bug, a socket
 * error) as one line on stderr; the stack only with `STEMROOM_DEBUG=1`, so
 * logs and terminals never fill with traces a user cannot act on.
 *
 * @example
 * logInternalError('projects.edit', new Error('disk full')); // "[stemroom] projects.edit: disk full"
 */
export function logInternalError(context: string, error: unknown, env: NodeJS.ProcessEnv = process.env, stderr: NodeJS.WritableStream = process.stderr): void {
  stderr.write(`[stemroom] ${escapeForTerminal(`${context}: ${oneLine(error)}`)}\n`);
  if (env.STEMROOM_DEBUG === '1' && error instanceof Error && error.stack) stderr.write(`${error.stack}\n`);
}

/** An error's message on one line (its first line, at most 500 characters). */
export function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n')[0] ?? '').slice(0, 500) || 'unknown error';
}
