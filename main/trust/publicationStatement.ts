import { canonicalJson } from '../../shared/rights/canonicalJson';
import { verifyBytes } from './ed25519';
import type { LibraryKey } from './LibraryKey';

export const PUBLICATION_FORMAT = 'stemroom-publication/1';

/**
 * What the exporting library signs when its export is published as a
 * package: the export, the package id and the key that signs the package.
 * It binds a creator's signing key to their export, so nobody else can
 * publish it (or replay its chain) under their own key and name.
 */
export function publicationBytes(exportId: string, packageId: string, packageKeyFingerprint: string): Buffer {
  return Buffer.from(canonicalJson({ format: PUBLICATION_FORMAT, exportId, packageId, packageKeyFingerprint }), 'utf8');
}

/**
 * @example
 * const signature = signPublication(library.key, exportId, 'drv-…', keyFingerprint(publicKey));
 */
export function signPublication(
  key: LibraryKey | { sign(bytes: Uint8Array): string },
  exportId: string,
  packageId: string,
  packageKeyFingerprint: string,
): string {
  return key.sign(publicationBytes(exportId, packageId, packageKeyFingerprint));
}

/** True when `signature` is the library key's statement that it publishes `exportId` as `packageId`, signed by that package key. */
export function verifyPublication(libraryPublicKey: string, signature: string, exportId: string, packageId: string, packageKeyFingerprint: string): boolean {
  return verifyBytes(libraryPublicKey, publicationBytes(exportId, packageId, packageKeyFingerprint), signature);
}
