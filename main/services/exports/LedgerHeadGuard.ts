import type { ledgerQueries } from '../../db/ledgerQueries';
import type { libraryMetaQueries } from '../../db/libraryMetaQueries';
import type { LedgerHeadFile } from '../../trust/LedgerHeadFile';
import { ServiceError } from '../ServiceError';
import { GENESIS_HASH } from './ledgerHash';

/**
 * Keeps the ledger and its signed head (ledger-head.json) in step, and
 * refuses new exports while they disagree: new entries must never be
 * built on a ledger that was tampered with, nor bury the evidence.
 *
 * @example
 * guard.refuseIfTampered(); // throws 'conflict' naming the problem
 * guard.advance(entry);     // after an entry is committed, still holding the ledger
 */
export class LedgerHeadGuard {
  constructor(
    private readonly ledger: Pick<ReturnType<typeof ledgerQueries>, 'head' | 'entryHashAt'>,
    private readonly heads: LedgerHeadFile,
    private readonly meta: ReturnType<typeof libraryMetaQueries>,
    private readonly now: () => Date,
  ) {}

  /** Throws while the ledger disagrees with its signed head. */
  refuseIfTampered(): void {
    const tampered = this.problem();
    if (tampered)
      throw new ServiceError(
        'conflict',
        `The ledger does not match its signed head: ${tampered}. Exports are paused until the library is restored; run stemroom ledger verify.`,
      );
  }

  /** Signs `entry` as the ledger's head (run while the ledger lock is held). */
  advance(entry: { readonly position: number; readonly entryHash: string }): void {
    this.heads.advance(entry, this.now());
  }

  /**
   * A library opened for the first time since heads were kept (new, or
   * from an older Stemroom) signs its ledger as it stands; from then on a
   * missing ledger-head.json is itself a finding of `ledger verify`. Later
   * opens move the head over entries a crash recovery completed — but only
   * while the ledger still agrees with it, so evidence is never overwritten.
   */
  seal(): void {
    const head = this.ledger.head();
    const current = { position: head?.position ?? 0, entryHash: head?.entryHash ?? GENESIS_HASH };
    if (!this.meta.get('ledger_head_kept')) {
      this.heads.advance(current, this.now());
      this.meta.set('ledger_head_kept', this.now().toISOString());
    } else if (this.problem() === null) this.heads.advance(current, this.now());
  }

  /**
   * Why the ledger disagrees with its signed head (a cut tail, a rewritten
   * chain, a missing or edited ledger-head.json), or null.
   */
  problem(): string | null {
    const read = this.heads.read();
    if (read.state === 'missing') return this.ledger.head() ? 'its signed head (ledger-head.json) is missing' : null;
    if (read.state === 'invalid') return read.problem;
    const { position, entryHash: signed } = read.head;
    const actual = position === 0 ? GENESIS_HASH : this.ledger.entryHashAt(position);
    if (actual === undefined) return `its signed head names entry ${position}, which the ledger no longer has (its tail was deleted)`;
    if (actual !== signed) return `entry ${position} is not the entry its signed head names (the chain was rewritten)`;
    return null;
  }
}
