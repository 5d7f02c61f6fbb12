import { seededRandom } from '../../../engine/common/dsp/seededRandom';

/**
 * The WAV `data` body (interleaved little-endian PCM) straight from float
 * samples: the same values as `quantize(channels, bitDepth, seed)` (same
 * rounding, clipping and seeded TPDF dither, drawn in the same order), in
 * one pass and without an intermediate integer copy of the whole mix.
 */
export function pcmFromFloat(channels: readonly Float32Array[], bitDepth: 16 | 24, seed = 0x5eed): Buffer {
  const max = 2 ** (bitDepth - 1) - 1;
  const min = -(2 ** (bitDepth - 1));
  const random = seededRandom(seed);
  const frames = channels[0]!.length;
  const width = bitDepth / 8;
  const stride = channels.length * width;
  const out = Buffer.allocUnsafe(frames * stride);
  channels.forEach((channel, c) => {
    let offset = c * width;
    if (bitDepth === 16) {
      for (let i = 0; i < frames; i++, offset += stride) {
        const value = Math.round(channel[i]! * max + (random() - random()));
        const v = value > max ? max : value < min ? min : value;
        out[offset] = v & 0xff;
        out[offset + 1] = (v >> 8) & 0xff;
      }
    } else {
      for (let i = 0; i < frames; i++, offset += stride) {
        const value = Math.round(channel[i]! * max);
        const v = value > max ? max : value < min ? min : value;
        out[offset] = v & 0xff;
        out[offset + 1] = (v >> 8) & 0xff;
        out[offset + 2] = (v >> 16) & 0xff;
      }
    }
  });
  return out;
}
