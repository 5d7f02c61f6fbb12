import type { AttributionRecord } from '../../shared/rights/attributionRecord';
import { recordCanonicalJson } from '../../shared/rights/canonicalJson';
import { entryHash, sha256Hex } from '../services/exports/ledgerHash';

/**
 * Whether a record's ledger stamp is its own: the payload hash is the
 * SHA-256 of the record without `ledger` and `signature` (canonical in the
 * scheme the record names), and the entry
 * hash chains it to the previous hash — checkable with the record alone,
 * so a derivative's ancestors are verified without their libraries. Null
 * when it holds; else what is wrong.
 *
 * @example
 * ledgerStampProblem(JSON.parse(fs.readFileSync('song.flac.credits.json', 'utf8'))); // null
 */
export function ledgerStampProblem(raw: object): string | null {
  const { ledger, signature: _signature, ...payload } = raw as { ledger?: AttributionRecord['ledger']; signature?: unknown };
  if (!ledger) return 'it has no ledger stamp';
  let canonical: string;
  try {
    // In the scheme the record names (RFC 8785, or the sorted-keys form of records from before the member), as its ledger hashed it.
    canonical = recordCanonicalJson(payload as { canonicalization?: string });
  } catch (error) {
    return (error as Error).message;
  }
  const payloadHash = sha256Hex(canonical);
  if (payloadHash !== ledger.payloadHash) return 'its ledger stamp names another payload (the record was changed after it entered the ledger)';
  if (entryHash(ledger.previousHash, ledger.payloadHash) !== ledger.entryHash) return 'its ledger entry hash does not chain its payload to the previous entry';
  return null;
}
