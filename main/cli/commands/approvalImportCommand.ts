import path from 'node:path';
import type { Command } from '../Command';
import { UsageError } from '../Command';
import { callContract } from '../callContract';

/**
 * `stemroom approval import FILE`: keeps a licensor's signed approval
 * (checked against their package key) so the export it approves is allowed.
 *
 * @example
 * $ stemroom approval import approval.json
 * Approval by Kite District Ltd of "Copper Sky (night mix)" (revision 3) for social-only under KD-M-0042, until 2027-06-30.
 * # signed by a key other than the licence's package key: refused, nothing imported (exit 1)
 * stemroom: The approval is signed by key ed84be272123fc0f…, but licence KD-M-0042 is granted by package "kite-district-2026-04", signed by key 2201da0ffd4d0db1…. Nothing was imported.
 */
export const approvalImportCommand: Command = {
  name: 'approval import',
  summary: "Import a licensor's signed approval (checked against their package key)",
  usage: 'APPROVAL_FILE',
  async run({ positionals, services, out }) {
    if (positionals.length !== 1) throw new UsageError('name one approval file');
    const result = await callContract(await services(), 'approvals.import', { source: { path: path.resolve(positionals[0]!) } });
    out.result(
      result,
      () =>
        `Approval by ${result.licensor} of "${result.project}" (revision ${result.revision}) for ${result.channel} under ${result.licence}${result.validUntil ? `, until ${result.validUntil}` : ''}.`,
    );
  },
};
