import { approvalRequestSchema, type Approval, type ApprovalRequest } from '../../shared/lineage/approvalSchema';
import { canonicalJson } from '../../shared/rights/canonicalJson';
import { formatIssues } from '../../shared/contract/formatIssues';
import { keyFingerprint, publicKeyOfPrivatePem, signBytes, verifyBytes } from './ed25519';

/** What an approval's signature covers: its canonical JSON without `signature`. */
export function approvalSigningBytes(approval: Omit<Approval, 'signature'> | Approval): Buffer {
  const { signature: _signature, ...signed } = approval as Approval;
  return Buffer.from(canonicalJson(signed), 'utf8');
}

/**
 * The licensor signs a creator's approval request with their package key.
 *
 * @example
 * const approval = signApproval(JSON.parse(fs.readFileSync('request.json', 'utf8')), fs.readFileSync('label.key', 'utf8'), new Date());
 */
export function signApproval(request: unknown, privateKeyPem: string, now: Date, validUntil?: string): Approval & { fingerprint: string } {
  const parsed = approvalRequestSchema.safeParse(request);
  if (!parsed.success) throw new Error(`not an approval request: ${formatIssues(parsed.error)[0]}`);
  const body: ApprovalRequest = { ...parsed.data, ...(validUntil ? { validUntil } : {}) };
  const publicKey = publicKeyOfPrivatePem(privateKeyPem);
  const unsigned = { ...body, approvedAt: now.toISOString(), publicKey };
  const approval: Approval = { ...unsigned, signature: signBytes(privateKeyPem, approvalSigningBytes(unsigned)) };
  return { ...approval, fingerprint: keyFingerprint(publicKey) };
}

/** The signing key's fingerprint when the approval's signature is good, else null. */
export function verifyApproval(approval: Approval): string | null {
  return verifyBytes(approval.publicKey, approvalSigningBytes(approval), approval.signature) ? keyFingerprint(approval.publicKey) : null;
}
