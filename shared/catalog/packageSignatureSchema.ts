import { z } from 'zod';

/**
 * `signature.json`, beside `manifest.json` in a signed catalog package
 * (format stemroom-signature/1): an Ed25519 signature of the exact bytes of
 * manifest.json. The manifest names every stem's SHA-256, so the signature
 * covers the audio too. docs/catalog-package.md says how to verify it with
 * openssl.
 */
export const PACKAGE_SIGNATURE_FORMAT = 'stemroom-signature/1';
export const PACKAGE_SIGNATURE_FILE = 'signature.json';

/** Canonical base64 (with padding) of exactly `bytes` bytes. */
const base64 = (bytes: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64')
    .refine((value) => value.length % 4 === 0 && (value.length / 4) * 3 - value.match(/=*$/)![0].length === bytes, `base64 of ${bytes} bytes`);

export const packageSignatureSchema = z
  .object({
    format: z.literal(PACKAGE_SIGNATURE_FORMAT),
    /** The file the signature covers: always manifest.json. */
    signs: z.literal('manifest.json'),
    algorithm: z.literal('Ed25519'),
    /** The signer's public key: base64 of its 32 raw bytes. */
    publicKey: base64(32),
    /** SHA-256 of manifest.json, hex (a convenience; the signature is what counts). */
    manifestSha256: z.string().regex(/^[0-9a-f]{64}$/),
    signedAt: z.string().max(40).optional(),
    /** Base64 of the 64-byte Ed25519 signature of manifest.json's bytes. */
    signature: base64(64),
  })
  .strict();

export type PackageSignature = z.infer<typeof packageSignatureSchema>;
