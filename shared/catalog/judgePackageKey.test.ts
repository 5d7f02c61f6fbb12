import { describe, expect, it } from 'vitest';
import { judgePackageKey, type KnownPackage } from './judgePackageKey';
import { packageSignatureSchema } from './packageSignatureSchema';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const signed: KnownPackage = { publisher: 'Ember Lane', pinned: { fingerprint: A, pinnedAt: '2026-01-01T00:00:00Z' } };
const unsigned: KnownPackage = { publisher: 'Ember Lane', pinned: null };

describe('judgePackageKey: trust on first use, then continuity', () => {
  it.each([
    ['new unsigned package', null, 'Ember Lane', null, { ok: true, pin: 'none' }],
    ['new signed package: pinned', null, 'Ember Lane', A, { ok: true, pin: 'new' }],
    ['signed update by the pinned key', signed, 'Ember Lane', A, { ok: true, pin: 'kept' }],
    ['signed update by the pinned key, publisher renamed', signed, 'Ember Lane Records', A, { ok: true, pin: 'kept' }],
    ['unsigned package gets signed by its publisher', unsigned, 'Ember Lane', A, { ok: true, pin: 'new' }],
    ['unsigned update, same publisher', unsigned, 'Ember Lane', null, { ok: true, pin: 'none' }],
  ] as const)('accepts: %s', (_, known, publisher, signedBy, expected) => {
    expect(judgePackageKey(known, { id: 'pkg', publisher, signedBy })).toEqual(expected);
  });

  it.each([
    ['unsigned after signed', signed, 'Ember Lane', null, /was signed with key aaaaaaaaaaaaaaaa… \(pinned 2026-01-01\); this version is unsigned/],
    ['signed by another key', signed, 'Other Records', B, /is signed by key bbbbbbbbbbbbbbbb…, but this library trusts only key aaaaaaaaaaaaaaaa…/],
    ['signed by another key, same publisher name', signed, 'Ember Lane', B, /trusts only key aaaa/],
    ['unsigned takeover by another publisher', unsigned, 'Other Records', null, /published by "Ember Lane"; this version names "Other Records"/],
    ['signed takeover of an unsigned package', unsigned, 'Other Records', B, /cannot change hands/],
  ] as const)('refuses: %s', (_, known, publisher, signedBy, message) => {
    const judgement = judgePackageKey(known, { id: 'pkg', publisher, signedBy });
    expect(judgement.ok).toBe(false);
    expect(!judgement.ok && judgement.problem).toMatch(message);
  });
});

describe('signature.json schema', () => {
  const valid = {
    format: 'stemroom-signature/1',
    signs: 'manifest.json',
    algorithm: 'Ed25519',
    publicKey: Buffer.alloc(32, 1).toString('base64'),
    manifestSha256: 'c'.repeat(64),
    signature: Buffer.alloc(64, 2).toString('base64'),
  };
  it('accepts a well-formed signature and refuses wrong sizes, encodings and extra members', () => {
    expect(packageSignatureSchema.safeParse(valid).success).toBe(true);
    for (const bad of [
      { ...valid, publicKey: Buffer.alloc(31).toString('base64') },
      { ...valid, signature: Buffer.alloc(64).toString('base64url') + 'x' },
      { ...valid, signature: 'not base64!' },
      { ...valid, algorithm: 'RSA' },
      { ...valid, signs: 'stems/vocals.wav' },
      { ...valid, extra: 1 },
    ])
      expect(packageSignatureSchema.safeParse(bad).success).toBe(false);
  });
});
