import type { AttributionRecord } from '../../shared/rights/attributionRecord';
import { recordCanonicalJson } from '../../shared/rights/canonicalJson';
import { keyFingerprint, verifyBytes } from './ed25519';
import type { LibraryKey } from './LibraryKey';

/**
 * What a record's signature covers: the canonical JSON of the record
 * without its `signature` member — every other member, including any a
 * reader does not know (so nothing can be added to a signed record) — in
 * the canonical form the record names (RFC 8785; records from before it
 * used sorted keys).
 */
export function recordSigningBytes(record: object): Buffer {
  const { signature: _signature, ...signed } = record as { signature?: unknown };
  return Buffer.from(recordCanonicalJson(signed), 'utf8');
}

/**
 * Signs a record (its payload, library key and ledger stamp) with the
 * library's key. Ed25519 is deterministic: the same record and key always
 * give the same signature, so a record can be re-signed identically.
 *
 * @example
 * const signed = signRecord({ ...payload, ledger: stamp }, library.key);
 * verifyRecordSignature(signed).status; // 'valid'
 */
export function signRecord(record: AttributionRecord, key: LibraryKey): AttributionRecord {
  return { ...record, signature: { algorithm: 'Ed25519', value: key.sign(recordSigningBytes(record)) } };
}

export type RecordSignatureCheck =
  { readonly status: 'absent' } | { readonly status: 'invalid'; readonly problem: string } | { readonly status: 'valid'; readonly keyFingerprint: string };

/**
 * Checks a record's signature against the public key it carries (no ledger
 * or library needed). `raw` is the record exactly as read (members a schema
 * would drop still count); `record` is the same, parsed.
 */
export function verifyRecordSignature(record: AttributionRecord, raw: object = record): RecordSignatureCheck {
  if (!record.signature) return { status: 'absent' };
  if (!record.library) return { status: 'invalid', problem: 'The record is signed but names no public key.' };
  if (keyFingerprint(record.library.publicKey) !== record.library.keyFingerprint)
    return { status: 'invalid', problem: "The record's key fingerprint does not match its public key." };
  if (!verifyBytes(record.library.publicKey, recordSigningBytes(raw), record.signature.value)) {
    return { status: 'invalid', problem: "The record's signature does not verify: the record was altered after it was signed." };
  }
  return { status: 'valid', keyFingerprint: record.library.keyFingerprint };
}
