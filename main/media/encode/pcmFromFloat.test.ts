import { expect, it } from 'vitest';
import { pcmFromFloat } from './pcmFromFloat';
import { quantize } from './quantize';

/** Interleaved little-endian PCM the obvious way: frame by frame, channel by channel. */
function referencePcm(samples: readonly Int32Array[], bitDepth: 16 | 24): Buffer {
  const width = bitDepth / 8;
  const out = Buffer.alloc(samples[0]!.length * samples.length * width);
  for (let frame = 0; frame < samples[0]!.length; frame++) {
    samples.forEach((channel, c) => out.writeIntLE(channel[frame]!, (frame * samples.length + c) * width, width));
  }
  return out;
}

it.each([16, 24] as const)('gives the same %i-bit bytes as quantizing then interleaving, clipping and dither included', (bitDepth) => {
  const frames = 4801;
  const channels = [0, 1, 2].map((c) =>
    Float32Array.from({ length: frames }, (_, i) => (i % 97 === 0 ? (c === 1 ? -1.5 : 1.2) : Math.sin(i * 0.013 * (c + 1)) * 0.9 + (i === 7 ? -1 : 0))),
  );
  expect(pcmFromFloat(channels, bitDepth, 42).equals(referencePcm(quantize(channels, bitDepth, 42), bitDepth))).toBe(true);
});
