import crypto from 'node:crypto';

/** DER prefix of an Ed25519 SubjectPublicKeyInfo: the raw 32-byte key follows it. */
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** An Ed25519 key pair as files keep it: the private key as PKCS#8 PEM, the public key as base64 of its 32 raw bytes. */
export interface Ed25519KeyPair {
  readonly privateKeyPem: string;
  readonly publicKey: string;
}

/**
 * A new Ed25519 key pair (node:crypto).
 *
 * @example
 * const { privateKeyPem, publicKey } = generateEd25519KeyPair();
 * const signature = signBytes(privateKeyPem, Buffer.from('manifest'));
 * verifyBytes(publicKey, Buffer.from('manifest'), signature); // true
 */
export function generateEd25519KeyPair(): Ed25519KeyPair {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
  return { privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), publicKey: rawPublicKey(publicKey) };
}

/** The base64 raw public key of a PKCS#8 PEM private key; throws a readable error if the PEM is not an Ed25519 key. */
export function publicKeyOfPrivatePem(privateKeyPem: string): string {
  let key: crypto.KeyObject;
  try {
    key = crypto.createPrivateKey(privateKeyPem);
  } catch {
    throw new Error('not a PEM private key');
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`an ${key.asymmetricKeyType ?? 'unknown'} key, not Ed25519`);
  return rawPublicKey(crypto.createPublicKey(key));
}

function rawPublicKey(key: crypto.KeyObject): string {
  const der = key.export({ format: 'der', type: 'spki' });
  return der.subarray(SPKI_PREFIX.length).toString('base64');
}

/** The public key as a KeyObject, or null when the text is not 32 base64 bytes. */
function publicKeyObject(publicKey: string): crypto.KeyObject | null {
  const raw = Buffer.from(publicKey, 'base64');
  if (raw.length !== 32 || raw.toString('base64') !== publicKey) return null;
  try {
    return crypto.createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
  } catch {
    return null;
  }
}

/** The public key as SubjectPublicKeyInfo PEM: what `openssl pkeyutl -verify -pubin -inkey` reads. */
export function publicKeyPem(publicKey: string): string {
  const raw = Buffer.from(publicKey, 'base64');
  const body = Buffer.concat([SPKI_PREFIX, raw]).toString('base64');
  return `-----BEGIN PUBLIC KEY-----\n${body}\n-----END PUBLIC KEY-----\n`;
}

/** SHA-256 of the 32 raw public key bytes, hex: how a key is named to people and pinned. */
export function keyFingerprint(publicKey: string): string {
  return crypto.createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest('hex');
}

/** Signs bytes with a PKCS#8 PEM Ed25519 private key; the signature as base64 (64 bytes). */
export function signBytes(privateKeyPem: string, bytes: Uint8Array): string {
  return crypto.sign(null, bytes, crypto.createPrivateKey(privateKeyPem)).toString('base64');
}

/** True when `signature` (base64) is an Ed25519 signature of `bytes` by `publicKey` (base64 raw). Never throws. */
export function verifyBytes(publicKey: string, bytes: Uint8Array, signature: string): boolean {
  const key = publicKeyObject(publicKey);
  const sig = Buffer.from(signature, 'base64');
  if (!key || sig.length !== 64 || sig.toString('base64') !== signature) return false;
  try {
    return crypto.verify(null, bytes, key, sig);
  } catch {
    return false;
  }
}
