import fs from 'node:fs';
import path from 'node:path';
import type { Command } from '../Command';
import { UsageError } from '../Command';
import { generateEd25519KeyPair, keyFingerprint, publicKeyPem } from '../../trust/ed25519';
import { displayFingerprint } from '../../../shared/rights/displayFingerprint';

/**
 * `stemroom keys create --out FILE`: a rights holder's Ed25519 signing key.
 * Writes FILE (the private key, PKCS#8 PEM, readable by its owner only) and
 * FILE.pub (the public key, SPKI PEM); prints the fingerprint libraries pin.
 *
 * @example
 * $ stemroom keys create --out saltmarsh.key
 * Private key /home/mara/saltmarsh.key (keep it secret; anyone holding it can sign as you)
 * Public key  /home/mara/saltmarsh.key.pub
 * Fingerprint ed84 be27 2123 fc0f dd54 e83e 916a 832f
 */
export const keysCreateCommand: Command = {
  name: 'keys create',
  summary: 'Create an Ed25519 signing key for catalog packages (FILE private, FILE.pub public)',
  usage: '--out FILE',
  options: { out: { type: 'string' } },
  async run({ values, out }) {
    if (typeof values.out !== 'string' || values.out === '') throw new UsageError('name the key file with --out FILE');
    const file = path.resolve(values.out);
    if (!fs.existsSync(path.dirname(file))) throw new Error(`the folder ${path.dirname(file)} does not exist`);
    for (const target of [file, `${file}.pub`]) if (fs.existsSync(target)) throw new Error(`${target} already exists; a key is never overwritten`);
    const pair = generateEd25519KeyPair();
    fs.writeFileSync(file, pair.privateKeyPem, { mode: 0o600, flag: 'wx' });
    fs.writeFileSync(`${file}.pub`, publicKeyPem(pair.publicKey), { flag: 'wx' });
    const fingerprint = keyFingerprint(pair.publicKey);
    out.result({ privateKey: file, publicKey: `${file}.pub`, publicKeyBase64: pair.publicKey, fingerprint }, () => [
      `Private key ${file} (keep it secret; anyone holding it can sign as you)`,
      `Public key  ${file}.pub`,
      `Fingerprint ${displayFingerprint(fingerprint)}`,
    ]);
  },
};
