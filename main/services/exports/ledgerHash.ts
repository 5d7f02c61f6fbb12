import crypto from 'node:crypto';

/** The previous hash of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

export function sha256Hex(data: string | Uint8Array): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}

/** entry hash = SHA-256(previous hash ‖ SHA-256(canonical payload)), over the raw 32-byte digests. */
export function entryHash(previousHash: string, payloadSha256: string): string {
  return crypto.createHash('sha256').update(Buffer.from(previousHash, 'hex')).update(Buffer.from(payloadSha256, 'hex')).digest('hex');
}
