import { describe, expect, it } from 'vitest';
import { decodePcmHeader, deinterleave, encodePcmHeader, interleave, PCM_HEADER_BYTES, pcmFileBytes } from './pcmCacheFormat';

const sha = 'ab'.repeat(32);
const header = { sampleRate: 44100, channels: 2, frames: 10_584_000, sourceSha256: sha };

describe('stemroom-pcm/1 header', () => {
  it('round-trips and checks the file size it implies', () => {
    const bytes = encodePcmHeader(header);
    expect(bytes.length).toBe(PCM_HEADER_BYTES);
    expect(decodePcmHeader(bytes, pcmFileBytes(header))).toEqual(header);
    expect(pcmFileBytes(header)).toBe(64 + 10_584_000 * 2 * 4);
  });

  it.each([
    ['a truncated header', (b: Uint8Array) => b.subarray(0, 40), /header is 40 bytes/],
    ['another magic', (b: Uint8Array) => ((b[0] = 0x52), b), /magic/],
    ['another header size', (b: Uint8Array) => (new DataView(b.buffer).setUint32(8, 128, true), b), /header size/],
    ['an implausible rate', (b: Uint8Array) => (new DataView(b.buffer).setUint32(12, 7, true), b), /sample rate/],
    ['no channels', (b: Uint8Array) => (new DataView(b.buffer).setUint32(16, 0, true), b), /channel count/],
    ['too many channels', (b: Uint8Array) => (new DataView(b.buffer).setUint32(16, 4096, true), b), /channel count/],
    ['an unknown sample format', (b: Uint8Array) => (new DataView(b.buffer).setUint32(20, 2, true), b), /sample format/],
    ['fractional frames', (b: Uint8Array) => (new DataView(b.buffer).setFloat64(24, 1.5, true), b), /frame count/],
    ['NaN frames', (b: Uint8Array) => (new DataView(b.buffer).setFloat64(24, NaN, true), b), /frame count/],
    ['negative frames', (b: Uint8Array) => (new DataView(b.buffer).setFloat64(24, -4, true), b), /frame count/],
  ])('refuses %s with the reason', (_name, damage, reason) => {
    expect(decodePcmHeader(damage(encodePcmHeader(header)))).toMatch(reason);
  });

  it('refuses a file whose size differs from what the header implies (truncated or padded)', () => {
    expect(decodePcmHeader(encodePcmHeader(header), pcmFileBytes(header) - 4)).toMatch(/implies/);
    expect(decodePcmHeader(encodePcmHeader(header), pcmFileBytes(header) + 1)).toMatch(/implies/);
  });

  it('interleaves and deinterleaves exactly, in blocks too', () => {
    const channels = [Float32Array.from([1, 2, 3, 4]), Float32Array.from([-1, -2, -3, -4])];
    expect([...interleave(channels)]).toEqual([1, -1, 2, -2, 3, -3, 4, -4]);
    expect([...interleave(channels, 1, 3)]).toEqual([2, -2, 3, -3]);
    expect(deinterleave(interleave(channels), 2).map((c) => [...c])).toEqual(channels.map((c) => [...c]));
  });
});
