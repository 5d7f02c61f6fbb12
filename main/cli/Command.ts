import type { ParseArgsConfig } from 'node:util';
import type { CliOutput } from './CliOutput';
import type { StemroomServices } from '../services/StemroomServices';

/** What a command receives after the global options (--data-dir, --json, --help) are taken out. */
export interface CommandContext {
  readonly positionals: readonly string[];
  readonly values: Readonly<Record<string, string | boolean | string[] | boolean[] | undefined>>;
  readonly dataDir: string;
  readonly json: boolean;
  readonly out: CliOutput;
  /** Opens the library on first use (commands such as --help never touch it). */
  services(): Promise<StemroomServices>;
}

/** One `stemroom` command; one file per command under commands/. */
export interface Command {
  /** Words after `stemroom`, e.g. `catalog import`. */
  readonly name: string;
  readonly summary: string;
  /** Positional arguments and command options, as shown by --help. */
  readonly usage: string;
  readonly options?: ParseArgsConfig['options'];
  /** Resolves with the exit code (0 when omitted). Long-running commands resolve when they stop. */
  run(context: CommandContext): Promise<number | void>;
}

/** A usage mistake: printed with the command's usage, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
