import type { AttributionRecord } from '../../../shared/rights/attributionRecord';
import { recordCanonicalJson } from '../../../shared/rights/canonicalJson';
import type { LedgerEntry } from '../../db/ledgerQueries';
import type { SignedLedgerHead } from '../../trust/LedgerHeadFile';
import { keyFingerprint, verifyBytes } from '../../trust/ed25519';
import { ledgerHeadSigningBytes } from '../../trust/LedgerHeadFile';
import { entryHash, sha256Hex } from '../exports/ledgerHash';

export const LEDGER_PROOF_FORMAT = 'stemroom-ledger-proof/1';

type Link = Pick<LedgerEntry, 'position' | 'payloadSha256' | 'previousHash' | 'entryHash'>;

/**
 * `ledger-proof.json` of a delivery bundle: the export's ledger entry, the
 * entries after it up to the head when the bundle was made (their hashes
 * only: the records stay private), and the library's signed ledger head —
 * enough for anyone to recompute the chain from the record to a head the
 * library signed, without the library.
 */
export interface LedgerProof {
  readonly format: typeof LEDGER_PROOF_FORMAT;
  readonly rule: string;
  readonly entry: Link & { readonly exportId: string; readonly createdAt: string };
  readonly chain: readonly Link[];
  readonly signedHead: SignedLedgerHead | null;
}

/** The proof for `entry`, from the entries after it (in order) and the signed head. */
export function buildLedgerProof(entry: LedgerEntry, after: readonly LedgerEntry[], signedHead: SignedLedgerHead | null): LedgerProof {
  const link = (e: LedgerEntry): Link => ({ position: e.position, payloadSha256: e.payloadSha256, previousHash: e.previousHash, entryHash: e.entryHash });
  return {
    format: LEDGER_PROOF_FORMAT,
    rule: 'entryHash = SHA-256(previousHash ‖ payloadSha256) over the raw 32-byte digests; payloadSha256 = SHA-256 of the record without its ledger and signature members, as canonical JSON (RFC 8785 when the record says canonicalization "RFC8785").',
    entry: { ...link(entry), exportId: entry.exportId, createdAt: entry.createdAt },
    chain: after.map(link),
    signedHead,
  };
}

/**
 * Everything wrong with a proof for `record` (empty when it holds): the
 * record hashes to the entry's payload hash, the entry matches the record's
 * ledger stamp, each link follows from the one before, and the last one is
 * the head the library signed (signature checked against the record's key).
 */
export function checkLedgerProof(proof: LedgerProof, record: AttributionRecord): string[] {
  const problems: string[] = [];
  if (proof.format !== LEDGER_PROOF_FORMAT) return [`ledger-proof.json is not a ${LEDGER_PROOF_FORMAT} proof.`];
  const { ledger: _stamp, signature: _signature, ...payload } = record;
  if (sha256Hex(recordCanonicalJson(payload)) !== proof.entry.payloadSha256) problems.push('The record does not hash to the payload hash of its ledger entry.');
  if (
    !record.ledger ||
    record.ledger.position !== proof.entry.position ||
    record.ledger.entryHash !== proof.entry.entryHash ||
    record.ledger.previousHash !== proof.entry.previousHash
  ) {
    problems.push("The proof's entry is not the record's ledger stamp.");
  }
  let previous: Link = proof.entry;
  for (const link of [proof.entry, ...proof.chain]) {
    if (link !== proof.entry && (link.position !== previous.position + 1 || link.previousHash !== previous.entryHash))
      problems.push(`Ledger entry ${link.position} does not follow entry ${previous.position}.`);
    if (entryHash(link.previousHash, link.payloadSha256) !== link.entryHash)
      problems.push(`Ledger entry ${link.position}'s hash is not SHA-256(previous ‖ payload).`);
    previous = link;
  }
  const head = proof.signedHead;
  if (!head) problems.push('The proof carries no signed ledger head.');
  else {
    if (head.position !== previous.position || head.entryHash !== previous.entryHash)
      problems.push(`The signed head (entry ${head.position}) is not where the chain ends (entry ${previous.position}).`);
    if (!record.library || head.library.keyFingerprint !== record.library.keyFingerprint)
      problems.push('The ledger head was signed by another key than the record.');
    if (
      keyFingerprint(head.library.publicKey) !== head.library.keyFingerprint ||
      !verifyBytes(head.library.publicKey, ledgerHeadSigningBytes(head), head.signature)
    )
      problems.push("The ledger head's signature does not verify.");
  }
  return problems;
}
