import path from 'node:path';
import type { Command } from '../Command';
import { UsageError } from '../Command';
import { callContract } from '../callContract';

/**
 * `stemroom catalog import PACKAGE`: imports (or updates) a licensed stem package from a folder or .zip; says what changed.
 *
 * @example
 * $ stemroom catalog import resources/demo-catalog/kite-district-copper-sky
 * Already up to date: "Kite District — Copper Sky stems" (kite-district-2026-04 v1): 1 recording(s), 5 stem(s).
 * # a new package: Imported "…" (ID vN): …; a new version: Updated "…", then each licence that changed
 */
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
