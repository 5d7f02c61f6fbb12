import { seededRandom } from '../../../engine/common/dsp/seededRandom';

/** mulberry32's state step: after k draws its state is seed + k × this (mod 2³²). */
const MULBERRY32_STEP = 0x6d2b79f5;

/** Where one channel's samples go in an interleaved PCM buffer. */
export interface PcmLane {
  /** The whole interleaved buffer (every channel's lane). */
  readonly out: Uint8Array;
  readonly index: number;
  readonly channelCount: number;
  readonly bitDepth: 16 | 24;
  /** The dither seed of the whole mix (channel 0 starts from it; later channels from where the one before stopped). */
  readonly seed: number;
}

/**
 * Writes one channel into its lane of an interleaved little-endian PCM
 * buffer — 16-bit with seeded TPDF dither, 24-bit rounded — exactly as
 * `pcmFromFloat` would: channel c's dither picks up the generator where
 * channel c−1 left it (two draws per sample), so lanes can be written on
 * different threads and give the same bytes.
 */
export function writePcmLane(channel: Float32Array, lane: PcmLane): void {
  const { out, index, channelCount, bitDepth } = lane;
  const max = 2 ** (bitDepth - 1) - 1;
  const min = -(2 ** (bitDepth - 1));
  const frames = channel.length;
  const width = bitDepth / 8;
  const stride = channelCount * width;
  let offset = index * width;
  if (bitDepth === 16) {
    const random = seededRandom((lane.seed + Math.imul((index * 2 * frames) | 0, MULBERRY32_STEP)) >>> 0);
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
}

/**
 * The WAV `data` body (interleaved little-endian PCM) straight from float
 * samples: the same values as `quantize(channels, bitDepth, seed)` (same
 * rounding, clipping and seeded TPDF dither, drawn in the same order), in
 * one pass and without an intermediate integer copy of the whole mix.
 */
export function pcmFromFloat(channels: readonly Float32Array[], bitDepth: 16 | 24, seed = 0x5eed): Buffer {
  const out = Buffer.allocUnsafe(channels[0]!.length * channels.length * (bitDepth / 8));
  channels.forEach((channel, index) => writePcmLane(channel, { out, index, channelCount: channels.length, bitDepth, seed }));
  return out;
}
