import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { generateEd25519KeyPair, keyFingerprint, publicKeyOfPrivatePem, signBytes } from './ed25519';

/**
 * The library's own Ed25519 key: it signs every attribution record and the
 * ledger head, so a record can be verified anywhere from the public key it
 * carries, and a ledger whose tail was cut is caught. Kept as a PKCS#8 PEM
 * file readable by its owner only (`keys/library-ed25519.pem` in the data
 * dir); created the first time a library opens. Two processes opening a new
 * library at once agree on one key: it is created under a temporary name
 * and linked into place, which fails if another process got there first.
 *
 * @example
 * const key = LibraryKey.open('/path/to/library/keys');
 * const signature = key.sign(Buffer.from(canonicalJson(record)));
 */
export class LibraryKey {
  private constructor(
    private readonly privateKeyPem: string,
    readonly publicKey: string,
    readonly fingerprint: string,
  ) {}

  static open(keysDir: string): LibraryKey {
    const file = path.join(keysDir, 'library-ed25519.pem');
    if (!fs.existsSync(file)) create(keysDir, file);
    const pem = fs.readFileSync(file, 'utf8');
    let publicKey: string;
    try {
      publicKey = publicKeyOfPrivatePem(pem);
    } catch (error) {
      throw new Error(`${file} is not the library's signing key (${(error as Error).message}); restore it from a backup`);
    }
    return new LibraryKey(pem, publicKey, keyFingerprint(publicKey));
  }

  /** Base64 Ed25519 signature of the bytes. */
  sign(bytes: Uint8Array): string {
    return signBytes(this.privateKeyPem, bytes);
  }
}

function create(keysDir: string, file: string): void {
  fs.mkdirSync(keysDir, { recursive: true, mode: 0o700 });
  const temp = path.join(keysDir, `.library-ed25519.${crypto.randomBytes(6).toString('hex')}.partial`);
  const fd = fs.openSync(temp, 'wx', 0o600);
  try {
    fs.writeSync(fd, generateEd25519KeyPair().privateKeyPem);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.linkSync(temp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    fs.rmSync(temp, { force: true });
  }
}
