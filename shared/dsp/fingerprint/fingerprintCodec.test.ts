import { describe, expect, it } from 'vitest';
import { decodeFingerprint, encodeFingerprint } from './fingerprintCodec';
import { FINGERPRINT_VERSION } from './fingerprintParams';
import { packPeak } from './pickPeaks';

const fp = { version: FINGERPRINT_VERSION, frames: 100, peaks: Uint32Array.from([packPeak(0, 30), packPeak(0, 200), packPeak(57, 31), packPeak(99, 435)]) };

describe('fingerprint codec', () => {
  it('round-trips through 16 bytes + 4 per peak, also from an unaligned view', () => {
    const bytes = encodeFingerprint(fp);
    expect(bytes.length).toBe(16 + 4 * 4);
    expect(decodeFingerprint(bytes)).toEqual(fp);
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    expect(decodeFingerprint(shifted.subarray(3))).toEqual(fp);
  });

  it('refuses malformed bytes with one line each', () => {
    const good = encodeFingerprint(fp);
    const edit = (at: number, value: number) => {
      const copy = good.slice();
      new DataView(copy.buffer).setUint32(at, value, true);
      return copy;
    };
    expect(() => decodeFingerprint(good.subarray(0, 10))).toThrow(/too short/);
    expect(() => decodeFingerprint(edit(0, 0x12345678))).toThrow(/bad magic/);
    expect(() => decodeFingerprint(good.subarray(0, good.length - 4))).toThrow(/must be 32 bytes/);
    expect(() => decodeFingerprint(edit(12, 2 ** 30))).toThrow(/must be/);
    expect(() => decodeFingerprint(edit(16 + 4, packPeak(0, 10)))).toThrow(/out of order/);
    expect(() => decodeFingerprint(edit(16 + 12, packPeak(100, 40)))).toThrow(/outside the audio/);
    expect(() => decodeFingerprint(edit(16 + 12, packPeak(99, 500)))).toThrow(/outside the audio/);
    const otherVersion = good.slice();
    new DataView(otherVersion.buffer).setUint16(4, FINGERPRINT_VERSION + 1, true);
    expect(() => decodeFingerprint(otherVersion)).toThrow(/recompute/);
  });
});
