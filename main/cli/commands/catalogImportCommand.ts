import path from 'node:path';
import type { Command } from '../Command';
import { UsageError } from '../Command';
import { callContract } from '../callContract';

export const catalogImportCommand: Command = {
  name: 'catalog import',
  summary: 'Import a licensed stem package (a folder or .zip with manifest.json)',
  usage: 'PACKAGE',
  async run({ positionals, services, out }) {
    if (positionals.length !== 1) throw new UsageError('name one package folder or .zip');
    const summary = await callContract(await services(), 'catalog.import', { source: { path: path.resolve(positionals[0]!) } });
    out.result(summary, () => {
      const verb = { imported: 'Imported', updated: 'Updated', unchanged: 'Already up to date:' }[summary.status];
      const changes = summary.licenceChanges.filter((c) => c.status !== 'unchanged');
      return [
        `${verb} "${summary.title}" (${summary.packageId} v${summary.version}): ${summary.recordings} recording(s), ${summary.stems} stem(s).`,
        ...changes.map((c) => `  licence ${c.licenceId}: ${c.status}`),
      ];
    });
  },
};
