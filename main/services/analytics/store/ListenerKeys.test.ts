import crypto from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ListenerKeys } from './ListenerKeys';

/** The same keyed hash with Node's HMAC: 8 big-endian bytes of the digest in, the first 53 bits out. */
function nodeHmac(secret: Uint8Array, digest: number): number {
  const message = Buffer.alloc(8);
  message.writeUInt32BE(Math.floor(digest / 4294967296), 0);
  message.writeUInt32BE(digest >>> 0, 4);
  const mac = crypto.createHmac('sha256', secret).update(message).digest();
  return mac.readUInt32BE(0) * 2097152 + (mac.readUInt32BE(4) >>> 11);
}

describe('ListenerKeys', () => {
  it('is HMAC-SHA256 exactly (checked against node:crypto), for any secret and digest', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 64 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (secret, digest) => {
        expect(new ListenerKeys(secret).hmac(digest)).toBe(nodeHmac(secret, digest));
      }),
      { numRuns: 300 },
    );
  });

  it('gives each digest one key per import, different under another secret', () => {
    const secret = crypto.randomBytes(32);
    const keys = new ListenerKeys(secret);
    const digests = Array.from({ length: 20_000 }, (_, i) => i * 7919 + 2 ** 40);
    const first = digests.map((d) => keys.of(d));
    expect(digests.map((d) => keys.of(d))).toEqual(first);
    expect(first.slice(0, 50)).toEqual(digests.slice(0, 50).map((d) => nodeHmac(secret, d)));
    const other = new ListenerKeys(crypto.randomBytes(32));
    expect(digests.filter((d, i) => other.of(d) === first[i])).toEqual([]);
    expect(() => new ListenerKeys(Buffer.alloc(8))).toThrow(/16 to 64 bytes/);
  });
});
