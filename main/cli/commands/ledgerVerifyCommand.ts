import type { Command } from '../Command';
import { callContract } from '../callContract';

export const ledgerVerifyCommand: Command = {
  name: 'ledger verify',
  summary: 'Re-walk the export ledger and name the first entry that was altered',
  usage: '',
  async run({ services, out }) {
    const result = await callContract(await services(), 'ledger.verify', {});
    out.result(result, () =>
      result.ok
        ? `Ledger intact: ${result.entries} entr${result.entries === 1 ? 'y' : 'ies'}, head ${result.headHash ?? '—'}${result.signedHead ? `, agreeing with its signed head (entry ${result.signedHead.position}, signed ${result.signedHead.signedAt})` : ''}.`
        : `Ledger BROKEN${result.firstBadPosition ? ` at entry ${result.firstBadPosition}` : ''}: ${result.problem}`,
    );
    return result.ok ? 0 : 1;
  },
};
