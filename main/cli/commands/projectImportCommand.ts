import path from 'node:path';
import type { Command } from '../Command';
import { UsageError } from '../Command';
import { callContract } from '../callContract';

/**
 * `stemroom project import FILE.stemroom`: a project file as a new project; names the packages its missing audio comes from.
 *
 * @example
 * $ stemroom project import night-mix.stemroom
 * Imported "Copper Sky (night mix)" as 691b4163-68e9-46ec-801e-6b5837265c4f.
 */
export const projectImportCommand: Command = {
  name: 'project import',
  summary: 'Open a .stemroom file as a new project',
  usage: 'FILE.stemroom',
  async run({ positionals, services, out }) {
    if (positionals.length !== 1) throw new UsageError('name one .stemroom file');
    const result = await callContract(await services(), 'projects.importFile', { source: { path: path.resolve(positionals[0]!) } });
    out.result(result, () => [
      `Imported "${result.project.name}" as ${result.project.id}.`,
      ...result.missing.map((m) => `  "${m.name}" is not in this library: import ${m.packageTitle} (${m.packageId}).`),
    ]);
  },
};
