import fs from 'node:fs';
import path from 'node:path';
import type { Command } from '../Command';
import { UsageError } from '../Command';
import { publicKeyOfPrivatePem } from '../../trust/ed25519';
import { displayFingerprint } from '../../../shared/rights/displayFingerprint';
import { signPackageFolder } from '../../trust/packageSignature';

/**
 * `stemroom catalog sign PACKAGE --key FILE`: signs a package folder's
 * manifest.json, writing signature.json beside it. Libraries pin the key on
 * first import and refuse later versions signed by any other key.
 *
 * @example
 * $ stemroom keys create --out saltmarsh.key
 * $ stemroom catalog sign night-ferry-stems --key saltmarsh.key
 * Signed night-ferry-stems (manifest 782f22f55385…) with key ed84 be27 2123 fc0f dd54 e83e 916a 832f.
 * $ (cd night-ferry-stems && zip -r ../night-ferry-stems.zip .)
 */
export const catalogSignCommand: Command = {
  name: 'catalog sign',
  summary: "Sign a package folder's manifest with your key (writes signature.json)",
  usage: 'PACKAGE_FOLDER --key FILE',
  options: { key: { type: 'string' } },
  async run({ positionals, values, out }) {
    if (positionals.length !== 1) throw new UsageError('name one package folder');
    if (typeof values.key !== 'string' || values.key === '') throw new UsageError('name the private key with --key FILE (stemroom keys create makes one)');
    let pem: string;
    try {
      pem = fs.readFileSync(path.resolve(values.key), 'utf8');
    } catch {
      throw new Error(`${values.key}: cannot read the key file`);
    }
    try {
      publicKeyOfPrivatePem(pem);
    } catch (error) {
      throw new Error(`${values.key}: ${(error as Error).message}`);
    }
    const signed = signPackageFolder(path.resolve(positionals[0]!), pem, new Date());
    out.result(
      {
        package: path.resolve(positionals[0]!),
        signatureFile: path.join(path.resolve(positionals[0]!), 'signature.json'),
        fingerprint: signed.fingerprint,
        manifestSha256: signed.manifestSha256,
      },
      () => [`Signed ${positionals[0]} (manifest ${signed.manifestSha256.slice(0, 12)}…) with key ${displayFingerprint(signed.fingerprint)}.`],
    );
  },
};
