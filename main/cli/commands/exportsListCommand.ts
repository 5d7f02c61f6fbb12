import type { Command } from '../Command';
import { callContract } from '../callContract';

export const exportsListCommand: Command = {
  name: 'exports',
  summary: 'List exports with their ledger position and whether each file is still intact',
  usage: '[--project ID]',
  options: { project: { type: 'string' } },
  async run({ values, services, out }) {
    const list = await callContract(await services(), 'exports.list', { projectId: typeof values.project === 'string' ? values.project : undefined });
    out.result(list, () => (list.length === 0 ? 'No exports yet.' : list.map((e) => `#${e.ledgerPosition} ${e.createdAt.slice(0, 19)} ${e.format} ${e.fileState.padEnd(8)} ${e.title} → ${e.path}`)));
  },
};
