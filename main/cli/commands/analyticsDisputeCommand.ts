import type { Command } from '../Command';
import { UsageError } from '../Command';
import { callContract } from '../callContract';

/**
 * `stemroom analytics dispute EXPORT_ID CATCH_ID [--undo]`: disputes what a flag rule caught (catch ids from `analytics report`).
 *
 * @example
 * $ stemroom analytics dispute 01a2340a-6288-7be4-ac4d-af243b6b270a 'repeat~0fe7915adf3d43~29926093~29927452'
 * Disputed: those plays count again when flagged plays are excluded.
 * $ stemroom analytics dispute 01a2340a-6288-7be4-ac4d-af243b6b270a 'repeat~0fe7915adf3d43~29926093~29927452' --undo
 * Dispute withdrawn: those plays are flagged again.
 */
export const analyticsDisputeCommand: Command = {
  name: 'analytics dispute',
  summary: 'Dispute what a flag rule caught (its plays count again when flagged plays are excluded); --undo takes it back',
  usage: 'EXPORT_ID CATCH_ID [--undo]   (catch ids are listed by `analytics report`)',
  options: { undo: { type: 'boolean' } },
  async run({ positionals, values, services, out }) {
    if (positionals.length !== 2) throw new UsageError('name an export id and a catch id');
    const result = await callContract(await services(), 'analytics.dispute', {
      exportId: positionals[0]!,
      catchId: positionals[1]!,
      disputed: values.undo !== true,
    });
    out.result(result, () => [
      result.disputed ? 'Disputed: those plays count again when flagged plays are excluded.' : 'Dispute withdrawn: those plays are flagged again.',
    ]);
  },
};
