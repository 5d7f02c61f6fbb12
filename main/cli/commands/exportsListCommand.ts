import type { Command } from '../Command';
import { callContract } from '../callContract';

/**
 * `stemroom exports [--project ID]`: every export with its ledger entry and whether its file is still as exported.
 *
 * @example
 * $ stemroom exports
 * #1 2026-12-01T23:57:05 wav ok       Copper Sky (night mix) → /home/mara/music/night-mix.wav
 */
export const exportsListCommand: Command = {
  name: 'exports',
  summary: 'List exports with their ledger position and whether each file is still intact',
  usage: '[--project ID]',
  options: { project: { type: 'string' } },
  async run({ values, services, out }) {
    const list = await callContract(await services(), 'exports.list', { projectId: typeof values.project === 'string' ? values.project : undefined });
    out.result(list, () =>
      list.length === 0
        ? 'No exports yet.'
        : list.map((e) => `#${e.ledgerPosition} ${e.createdAt.slice(0, 19)} ${e.format} ${e.fileState.padEnd(8)} ${e.title} → ${e.path}`),
    );
  },
};
