import type { Command } from '../Command';
import { UsageError } from '../Command';
import { callContract } from '../callContract';

/**
 * @example
 * stemroom analytics dispute 0196… 'burst~-~29500000~29500011'   # ids from `analytics report`
 * stemroom analytics dispute 0196… 'burst~-~29500000~29500011' --undo
 */
export const analyticsDisputeCommand: Command = {
  name: 'analytics dispute',
  summary: 'Dispute what a flag rule caught (its plays count again when flagged plays are excluded); --undo takes it back',
  usage: 'EXPORT_ID CATCH_ID [--undo]   (catch ids are listed by `analytics report`)',
  options: { undo: { type: 'boolean' } },
  async run({ positionals, values, services, out }) {
    if (positionals.length !== 2) throw new UsageError('name an export id and a catch id');
    const result = await callContract(await services(), 'analytics.dispute', { exportId: positionals[0]!, catchId: positionals[1]!, disputed: values.undo !== true });
    out.result(result, () => [result.disputed ? 'Disputed: those plays count again when flagged plays are excluded.' : 'Dispute withdrawn: those plays are flagged again.']);
  },
};
