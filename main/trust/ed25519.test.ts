import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../tests/helpers/tempDir';
import { generateEd25519KeyPair, keyFingerprint, publicKeyOfPrivatePem, publicKeyPem, signBytes, verifyBytes } from './ed25519';
import { displayFingerprint } from '../../shared/rights/displayFingerprint';

describe('Ed25519 keys', () => {
  const pair = generateEd25519KeyPair();
  const message = Buffer.from('{"format":"stemroom-catalog/1"}');

  it('signs and verifies; any change to the bytes, the signature or the key fails', () => {
    const signature = signBytes(pair.privateKeyPem, message);
    expect(Buffer.from(signature, 'base64')).toHaveLength(64);
    expect(verifyBytes(pair.publicKey, message, signature)).toBe(true);
    expect(verifyBytes(pair.publicKey, Buffer.from('{"format":"stemroom-catalog/2"}'), signature)).toBe(false);
    const flipped = Buffer.from(signature, 'base64');
    flipped[10]! ^= 1;
    expect(verifyBytes(pair.publicKey, message, flipped.toString('base64'))).toBe(false);
    expect(verifyBytes(generateEd25519KeyPair().publicKey, message, signature)).toBe(false);
  });

  it('never throws on malformed keys or signatures', () => {
    const signature = signBytes(pair.privateKeyPem, message);
    for (const key of ['', 'AAAA', 'not base64!', Buffer.alloc(33).toString('base64'), `${pair.publicKey} `])
      expect(verifyBytes(key, message, signature)).toBe(false);
    for (const sig of ['', 'AAAA', `${signature}=`, Buffer.alloc(64).toString('base64')]) expect(verifyBytes(pair.publicKey, message, sig)).toBe(false);
  });

  it('reads the public key back from the private PEM, and refuses other key types', () => {
    expect(publicKeyOfPrivatePem(pair.privateKeyPem)).toBe(pair.publicKey);
    expect(() => publicKeyOfPrivatePem('garbage')).toThrow(/not a PEM private key/);
  });

  it('names keys by the SHA-256 of their raw bytes', () => {
    expect(keyFingerprint(pair.publicKey)).toMatch(/^[0-9a-f]{64}$/);
    expect(displayFingerprint('0123456789abcdef0123456789abcdef' + '0'.repeat(32))).toBe('0123 4567 89ab cdef 0123 4567 89ab cdef');
  });

  it('is verifiable by openssl with the SPKI PEM (what docs tell third parties to do)', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'key.pem'), publicKeyPem(pair.publicKey));
    fs.writeFileSync(path.join(dir, 'msg'), message);
    fs.writeFileSync(path.join(dir, 'sig'), Buffer.from(signBytes(pair.privateKeyPem, message), 'base64'));
    const out = execFileSync('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', 'key.pem', '-rawin', '-in', 'msg', '-sigfile', 'sig'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(out).toMatch(/Signature Verified Successfully/);
  });
});
