import { vi } from 'vitest';
import { runCli } from '../../main/cli/runCli';
import type { Command } from '../../main/cli/Command';

/** What one `stemroom` run returned and printed. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `stemroom ARGS` in this process — the runCli that bin/stemroom.js
 * runs — with stdout and stderr captured instead of printed.
 *
 * @example
 * const { code, stdout } = await runCliCaptured(['catalog', 'list', '--json', '--data-dir', dataDir]);
 */
export async function runCliCaptured(args: readonly string[], env: NodeJS.ProcessEnv = {}, commands?: readonly Command[]): Promise<CliRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (stdout.push(String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (stderr.push(String(chunk)), true));
  try {
    return { code: await runCli(args, env, commands), stdout: stdout.join(''), stderr: stderr.join('') };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}
