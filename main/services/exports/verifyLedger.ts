import type { LedgerEntry } from '../../db/ledgerQueries';
import type { LedgerHeadRead } from '../../trust/LedgerHeadFile';
import { entryHash, GENESIS_HASH, sha256Hex } from './ledgerHash';

export interface LedgerVerification {
  readonly ok: boolean;
  readonly entries: number;
  readonly headHash: string | null;
  readonly firstBadPosition: number | null;
  readonly problem: string | null;
  /** The signed head kept outside the database, as checked. */
  readonly signedHead: { readonly position: number; readonly signedAt: string } | null;
}

/**
 * Re-walks the chain from the start: each entry's payload must hash to its
 * payload hash, its previous hash must be the entry before's hash, and its
 * entry hash must be SHA-256(previous ‖ payload hash). Names the first
 * entry where that fails. Then holds the chain against the library's signed
 * head (ledger-head.json): a deleted tail, an emptied ledger or a chain
 * rewritten with recomputed hashes all disagree with it.
 */
export function verifyLedger(entries: readonly LedgerEntry[], head: LedgerHeadRead): LedgerVerification {
  const headHash = entries.at(-1)?.entryHash ?? null;
  const signedHead = head.state === 'valid' ? { position: head.head.position, signedAt: head.head.signedAt } : null;
  const result = (firstBadPosition: number | null, problem: string | null): LedgerVerification => ({
    ok: problem === null,
    entries: entries.length,
    headHash,
    firstBadPosition,
    problem,
    signedHead,
  });
  let previous = GENESIS_HASH;
  for (const [index, entry] of entries.entries()) {
    const fail = (problem: string) => result(entry.position, `Entry ${entry.position} (export ${entry.exportId}): ${problem}`);
    if (entry.position !== index + 1) return fail(`expected position ${index + 1}`);
    if (sha256Hex(entry.payloadJson) !== entry.payloadSha256) return fail('its record does not match its payload hash (the record was altered)');
    if (entry.previousHash !== previous) return fail('its previous hash does not match the entry before (the chain was altered)');
    if (entryHash(entry.previousHash, entry.payloadSha256) !== entry.entryHash) return fail('its entry hash is not SHA-256(previous ‖ payload hash)');
    if (!entry.payloadJson.includes(`"exportId":"${entry.exportId}"`)) return fail('its export id does not match its record');
    previous = entry.entryHash;
  }
  if (head.state === 'missing')
    return entries.length ? result(null, 'The signed ledger head (ledger-head.json) is missing, so a deleted tail could not be seen.') : result(null, null);
  if (head.state === 'invalid') return result(null, `The signed ledger head is not valid: ${head.problem}.`);
  const signed = head.head;
  const at = `its signed head (signed ${signed.signedAt})`;
  if (signed.position > entries.length) {
    if (entries.length === 0)
      return result(1, `The ledger is empty, but ${at} says it had ${signed.position} entr${signed.position === 1 ? 'y' : 'ies'}: the ledger was deleted.`);
    const missing = signed.position === entries.length + 1 ? `Entry ${signed.position} is` : `Entries ${entries.length + 1}–${signed.position} are`;
    return result(
      entries.length + 1,
      `${missing} missing: the ledger ends at entry ${entries.length}, but ${at} says ${signed.position}. Its tail was deleted.`,
    );
  }
  const expected = signed.position === 0 ? GENESIS_HASH : entries[signed.position - 1]!.entryHash;
  if (expected !== signed.entryHash) {
    return result(
      signed.position,
      `Entry ${signed.position}'s hash is ${expected.slice(0, 16)}…, but ${at} says ${signed.entryHash.slice(0, 16)}…: the chain was rewritten.`,
    );
  }
  return result(null, null);
}
