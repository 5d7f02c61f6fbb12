import type { Command } from '../Command';
import { callContract } from '../callContract';

/**
 * `stemroom ledger verify`: re-walks the hash-chained export ledger; exits 1 and names the first altered entry when it is broken.
 *
 * @example
 * $ stemroom ledger verify
 * Ledger intact: 1 entry, head 96ec60b69b753461cdf2f4127593c632ad470d7a29edbc82440353f5088a6af6, agreeing with its signed head (entry 1, signed 2026-12-01T23:57:05.583Z).
 */
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
