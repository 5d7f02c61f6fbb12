import { seededRandom } from '../../../engine/common/dsp/seededRandom';

/**
 * Float samples (−1…1) to integers of `bitDepth` bits. 16-bit gets TPDF
 * dither from a seeded generator (the same render always gives the same
 * file); 24-bit is rounded (its error is far below audibility).
 */
export function quantize(channels: readonly Float32Array[], bitDepth: 16 | 24, seed = 0x5eed): Int32Array[] {
  const max = 2 ** (bitDepth - 1) - 1;
  const min = -(2 ** (bitDepth - 1));
  const random = seededRandom(seed);
  return channels.map((channel) => {
    const out = new Int32Array(channel.length);
    if (bitDepth === 16) {
      for (let i = 0; i < channel.length; i++) {
        const value = Math.round(channel[i]! * max + (random() - random()));
        out[i] = value > max ? max : value < min ? min : value;
      }
    } else {
      for (let i = 0; i < channel.length; i++) {
        const value = Math.round(channel[i]! * max);
        out[i] = value > max ? max : value < min ? min : value;
      }
    }
    return out;
  });
}
