import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { formatIssues } from '../../shared/contract/formatIssues';
import { PACKAGE_SIGNATURE_FILE, PACKAGE_SIGNATURE_FORMAT, packageSignatureSchema, type PackageSignature } from '../../shared/catalog/packageSignatureSchema';
import type { ArchiveFolder } from '../media/ArchiveFolder';
import { writeFileAtomically } from '../media/writeFileAtomically';
import { importRefusal } from '../services/importRefusal';
import { strictJsonParse } from '../../shared/text/strictJsonParse';
import { keyFingerprint, publicKeyOfPrivatePem, signBytes, verifyBytes } from './ed25519';

const MAX_SIGNATURE_BYTES = 16 * 1024;

/** A package's signature as checked at import: absent, or valid with its key. */
export type PackageSignatureCheck =
  { readonly status: 'unsigned' } | { readonly status: 'signed'; readonly publicKey: string; readonly fingerprint: string; readonly json: string };

/**
 * Reads and verifies `signature.json` against the exact bytes of
 * manifest.json. A package without one is unsigned; a present but
 * malformed or non-matching signature refuses the import (a signature
 * that does not verify is never silently ignored).
 */
export function checkPackageSignature(folder: ArchiveFolder, manifestBytes: Uint8Array): PackageSignatureCheck {
  const bytes = folder.readOptional(PACKAGE_SIGNATURE_FILE, MAX_SIGNATURE_BYTES);
  if (!bytes) return { status: 'unsigned' };
  let json: unknown;
  try {
    json = strictJsonParse(bytes.toString('utf8'));
  } catch (error) {
    throw importRefusal(PACKAGE_SIGNATURE_FILE, [`invalid JSON (${(error as Error).message})`]);
  }
  const parsed = packageSignatureSchema.safeParse(json);
  if (!parsed.success) throw importRefusal(PACKAGE_SIGNATURE_FILE, formatIssues(parsed.error));
  const signature = parsed.data;
  const manifestSha256 = crypto.createHash('sha256').update(manifestBytes).digest('hex');
  if (signature.manifestSha256 !== manifestSha256 || !verifyBytes(signature.publicKey, manifestBytes, signature.signature)) {
    throw importRefusal(PACKAGE_SIGNATURE_FILE, [
      'the signature does not match manifest.json (the manifest was changed after signing, or the signature was made for another one)',
    ]);
  }
  return { status: 'signed', publicKey: signature.publicKey, fingerprint: keyFingerprint(signature.publicKey), json: bytes.toString('utf8') };
}

/**
 * Signs a package folder: writes signature.json beside its manifest.json.
 * Sign the folder, then zip it (a signature covers the manifest, which
 * names every stem's SHA-256).
 *
 * @example
 * signPackageFolder('night-ferry-stems', fs.readFileSync('saltmarsh.key', 'utf8'), new Date());
 */
export function signPackageFolder(folder: string, privateKeyPem: string, now: Date): PackageSignature & { fingerprint: string } {
  return signPackageFolderWith(folder, { publicKey: publicKeyOfPrivatePem(privateKeyPem), sign: (bytes) => signBytes(privateKeyPem, bytes) }, now);
}

/** Signs a package folder with any Ed25519 signer (a key file, or the library's own key). */
export function signPackageFolderWith(
  folder: string,
  signer: { readonly publicKey: string; sign(bytes: Uint8Array): string },
  now: Date,
): PackageSignature & { fingerprint: string } {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(folder);
  } catch {
    throw new Error(`${folder}: no such folder`);
  }
  if (!stat.isDirectory()) throw new Error(`${folder}: sign the package folder, then zip it (a .zip cannot be signed in place)`);
  const manifestPath = path.join(folder, 'manifest.json');
  if (!fs.existsSync(manifestPath)) throw new Error(`${folder}: no manifest.json`);
  const manifest = fs.readFileSync(manifestPath);
  const publicKey = signer.publicKey;
  const signature: PackageSignature = {
    format: PACKAGE_SIGNATURE_FORMAT,
    signs: 'manifest.json',
    algorithm: 'Ed25519',
    publicKey,
    manifestSha256: crypto.createHash('sha256').update(manifest).digest('hex'),
    signedAt: now.toISOString(),
    signature: signer.sign(manifest),
  };
  writeFileAtomically(path.join(folder, PACKAGE_SIGNATURE_FILE), Buffer.from(`${JSON.stringify(signature, null, 2)}\n`));
  return { ...signature, fingerprint: keyFingerprint(publicKey) };
}
