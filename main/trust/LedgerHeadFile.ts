import fs from 'node:fs';
import { z } from 'zod';
import { canonicalJson } from '../../shared/rights/canonicalJson';
import { writeFileAtomically } from '../media/writeFileAtomically';
import { keyFingerprint, verifyBytes } from './ed25519';
import { strictJsonParse } from '../../shared/text/strictJsonParse';
import type { LibraryKey } from './LibraryKey';

export const LEDGER_HEAD_FORMAT = 'stemroom-ledger-head/1';

/**
 * `ledger-head.json`: the library's signed statement of its ledger's last
 * entry (position and entry hash), written outside the database after every
 * export. A ledger whose tail was deleted, that was emptied, or whose chain
 * was rewritten with recomputed hashes no longer agrees with it.
 */
export const signedLedgerHeadSchema = z
  .object({
    format: z.literal(LEDGER_HEAD_FORMAT),
    library: z.object({ publicKey: z.string(), keyFingerprint: z.string() }).strict(),
    position: z.number().int().min(0),
    /** The entry hash at `position` (64 zeros for an empty ledger). */
    entryHash: z.string().regex(/^[0-9a-f]{64}$/),
    signedAt: z.string(),
    /** Ed25519 signature of the canonical JSON of this object without `signature`. */
    signature: z.string(),
  })
  .strict();
export type SignedLedgerHead = z.infer<typeof signedLedgerHeadSchema>;

export type LedgerHeadRead =
  { readonly state: 'missing' } | { readonly state: 'invalid'; readonly problem: string } | { readonly state: 'valid'; readonly head: SignedLedgerHead };

/** What a head's signature covers: its canonical JSON without `signature` (also checked in delivery bundles' ledger proofs). */
export const ledgerHeadSigningBytes = (head: Omit<SignedLedgerHead, 'signature'> & { signature?: string }) => {
  const { signature: _signature, ...rest } = head;
  return Buffer.from(canonicalJson(rest));
};

/**
 * Reads, verifies and advances the signed ledger head.
 *
 * @example
 * const heads = new LedgerHeadFile(paths.ledgerHeadPath, library.key);
 * heads.advance({ position: 7, entryHash }, new Date());
 * heads.read(); // { state: 'valid', head: { position: 7, … } }
 */
export class LedgerHeadFile {
  constructor(
    private readonly file: string,
    private readonly key: LibraryKey,
  ) {}

  read(): LedgerHeadRead {
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch {
      return { state: 'missing' };
    }
    let parsed;
    try {
      parsed = signedLedgerHeadSchema.safeParse(strictJsonParse(text));
    } catch (error) {
      return { state: 'invalid', problem: `ledger-head.json is not JSON (${(error as Error).message})` };
    }
    if (!parsed.success) return { state: 'invalid', problem: 'ledger-head.json is malformed' };
    const head = parsed.data;
    if (
      keyFingerprint(head.library.publicKey) !== head.library.keyFingerprint ||
      !verifyBytes(head.library.publicKey, ledgerHeadSigningBytes(head), head.signature)
    ) {
      return { state: 'invalid', problem: "ledger-head.json's signature does not verify (it was edited)" };
    }
    if (head.library.keyFingerprint !== this.key.fingerprint) return { state: 'invalid', problem: "ledger-head.json was signed by another library's key" };
    return { state: 'valid', head };
  }

  /** Signs and writes the head, unless the file already holds a later one (another process advanced it). */
  advance(entry: { readonly position: number; readonly entryHash: string }, now: Date): void {
    const current = this.read();
    if (current.state === 'valid' && current.head.position >= entry.position) return;
    const unsigned = {
      format: LEDGER_HEAD_FORMAT,
      library: { publicKey: this.key.publicKey, keyFingerprint: this.key.fingerprint },
      position: entry.position,
      entryHash: entry.entryHash,
      signedAt: now.toISOString(),
    } as const;
    const head: SignedLedgerHead = { ...unsigned, signature: this.key.sign(ledgerHeadSigningBytes(unsigned)) };
    writeFileAtomically(this.file, Buffer.from(`${JSON.stringify(head, null, 2)}\n`));
  }
}
