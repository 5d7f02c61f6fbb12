import type { LedgerEntry } from '../../db/ledgerQueries';
import { entryHash, GENESIS_HASH, sha256Hex } from './ledgerHash';

export interface LedgerVerification {
  readonly ok: boolean;
  readonly entries: number;
  readonly headHash: string | null;
  readonly firstBadPosition: number | null;
  readonly problem: string | null;
}

/**
 * Re-walks the chain from the start: each entry's payload must hash to its
 * payload hash, its previous hash must be the entry before's hash, and its
 * entry hash must be SHA-256(previous ‖ payload hash). Names the first
 * entry where that fails.
 */
export function verifyLedger(entries: readonly LedgerEntry[]): LedgerVerification {
  let previous = GENESIS_HASH;
  for (const [index, entry] of entries.entries()) {
    const fail = (problem: string): LedgerVerification => ({ ok: false, entries: entries.length, headHash: entries.at(-1)?.entryHash ?? null, firstBadPosition: entry.position, problem: `Entry ${entry.position} (export ${entry.exportId}): ${problem}` });
    if (entry.position !== index + 1) return fail(`expected position ${index + 1}`);
    if (sha256Hex(entry.payloadJson) !== entry.payloadSha256) return fail('its record does not match its payload hash (the record was altered)');
    if (entry.previousHash !== previous) return fail('its previous hash does not match the entry before (the chain was altered)');
    if (entryHash(entry.previousHash, entry.payloadSha256) !== entry.entryHash) return fail('its entry hash is not SHA-256(previous ‖ payload hash)');
    if (!entry.payloadJson.includes(`"exportId":"${entry.exportId}"`)) return fail('its export id does not match its record');
    previous = entry.entryHash;
  }
  return { ok: true, entries: entries.length, headHash: entries.at(-1)?.entryHash ?? null, firstBadPosition: null, problem: null };
}
