import { escapeForTerminal } from '../../shared/text/unsafeCharacters';
import { oneLine } from '../services/logInternalError';

const flushes = new Set<() => void>();

/** Exit code after an internal error (EX_SOFTWARE in sysexits.h). */
export const INTERNAL_ERROR_EXIT = 70;

/**
 * Registers work that must happen even when the process dies of a bug —
 * writing pending project edits — and returns the function that
 * unregisters it.
 *
 * @example
 * const done = onLastResort(() => services.close());
 * try { await serve(); } finally { done(); }
 */
export function onLastResort(flush: () => void): () => void {
  flushes.add(flush);
  return () => flushes.delete(flush);
}

/**
 * The CLI's last resort for an exception nothing caught: run the registered
 * flushes, print one line (the stack only with STEMROOM_DEBUG=1), exit
 * non-zero. Installed once by the `stemroom` entry point.
 */
export function installLastResort(proc: NodeJS.Process = process): void {
  const die = (error: unknown) => {
    for (const flush of [...flushes]) {
      try {
        flush();
      } catch (flushError) {
        proc.stderr.write(`stemroom: could not save before stopping: ${escapeForTerminal(oneLine(flushError))}\n`);
      }
    }
    proc.stderr.write(`stemroom: stopped by an internal error: ${escapeForTerminal(oneLine(error))}\n`);
    if (proc.env.STEMROOM_DEBUG === '1' && error instanceof Error && error.stack) proc.stderr.write(`${error.stack}\n`);
    proc.exit(INTERNAL_ERROR_EXIT);
  };
  proc.on('uncaughtException', die);
  proc.on('unhandledRejection', die);
}
