import { parseArgs } from 'node:util';
import type { Command, CommandContext } from './Command';
import { UsageError } from './Command';
import { CliOutput } from './CliOutput';
import { joinNegativeValues } from './joinNegativeValues';
import { commands as allCommands } from './commands';
import { ServiceError } from '../services/ServiceError';
import { StemroomServices } from '../services/StemroomServices';
import { defaultDataDir } from '../services/defaultDataDir';
import { appVersion } from '../services/appVersion';

const globalOptions = {
  'data-dir': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

/**
 * `stemroom <command> [args] [--data-dir DIR] [--json]`. Resolves with the
 * exit code: 0 ok, 1 the command failed (one line on stderr), 2 usage.
 */
export async function runCli(argv: readonly string[], env: NodeJS.ProcessEnv = process.env, commands: readonly Command[] = allCommands): Promise<number> {
  const json = argv.includes('--json');
  const out = new CliOutput(json);
  const found = findCommand(argv, commands);
  if (!found) {
    if (argv.includes('--version')) return (out.result({ version: appVersion }, () => appVersion), 0);
    const unknown = wordsOf(argv)
      .map((w) => w.word)
      .join(' ');
    if (unknown && !argv.includes('--help') && !argv.includes('-h')) {
      out.error(`unknown command "${unknown}". Run stemroom --help for the list.`);
      return 2;
    }
    process.stdout.write(helpText(commands));
    return 0;
  }
  const { command, nameIndexes } = found;
  const rest = argv.filter((_, i) => !nameIndexes.includes(i));
  const options = { ...globalOptions, ...command.options };
  let parsed;
  try {
    parsed = parseArgs({ args: joinNegativeValues(rest, options), options, allowPositionals: true, strict: true });
  } catch (error) {
    // parseArgs spreads one complaint over several lines; it is one error line here, the usage the hint below it.
    out.error(`${(error as Error).message.replace(/\s*\n\s*/g, ' ')}\nusage: stemroom ${command.name} ${command.usage}`);
    return 2;
  }
  if (parsed.values.help) {
    process.stdout.write(`stemroom ${command.name} ${command.usage}\n\n${command.summary}.\n\n${globalHelp}`);
    return 0;
  }
  const dataDir = typeof parsed.values['data-dir'] === 'string' ? parsed.values['data-dir'] : defaultDataDir(env);
  let opened: Promise<StemroomServices> | undefined;
  const context: CommandContext = {
    positionals: parsed.positionals,
    values: parsed.values,
    dataDir,
    json,
    out,
    services: () =>
      (opened ??= StemroomServices.open(dataDir).then((services) => {
        services.events.subscribe((event, payload) => {
          if (event === 'task.progress') {
            const { label, done, total } = payload as { label: string; done: number; total: number };
            out.progress(label, done, total);
          }
        });
        return services;
      })),
  };
  try {
    return (await command.run(context)) ?? 0;
  } catch (error) {
    if (error instanceof UsageError) {
      out.error(`${error.message}\nusage: stemroom ${command.name} ${command.usage}`);
      return 2;
    }
    if (error instanceof ServiceError) out.error(error.message, error.details);
    else {
      out.error(error instanceof Error ? error.message : String(error));
      // The stack helps whoever fixes the bug, not the user: only on request.
      if (env.STEMROOM_DEBUG === '1' && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    }
    return 1;
  } finally {
    (await opened?.catch(() => undefined))?.close();
  }
}

/** Words of argv that are not options or option values (`--data-dir DIR` takes one). */
function wordsOf(argv: readonly string[]): { word: string; index: number }[] {
  const words: { word: string; index: number }[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--data-dir') i++;
    else if (!arg.startsWith('-')) words.push({ word: arg, index: i });
  }
  return words;
}

/** The command whose name the leading words spell, longest first (`catalog import` before `catalog`). */
function findCommand(argv: readonly string[], commands: readonly Command[]): { command: Command; nameIndexes: number[] } | undefined {
  const words = wordsOf(argv);
  const byLength = [...commands].sort((a, b) => b.name.split(' ').length - a.name.split(' ').length);
  for (const command of byLength) {
    const name = command.name.split(' ');
    if (name.every((word, i) => words[i]?.word === word)) return { command, nameIndexes: words.slice(0, name.length).map((w) => w.index) };
  }
  return undefined;
}

const globalHelp = `Options for every command:
  --data-dir DIR   the library folder (default: STEMROOM_DATA_DIR, else the OS user-data folder)
  --json           print results as JSON (no progress bars)
  -h, --help       show help
`;

function helpText(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `stemroom ${appVersion} — remix and cover licensed stems; every export carries its rights attribution.`,
    '',
    'Usage: stemroom <command> [arguments] [--data-dir DIR] [--json]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    globalHelp,
  ].join('\n');
}
