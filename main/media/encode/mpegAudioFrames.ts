/** One MPEG audio (Layer III) frame header, decoded. */
export interface MpegFrameHeader {
  /** 1 for MPEG-1, 2 for MPEG-2, 2.5 for MPEG-2.5. */
  readonly version: 1 | 2 | 2.5;
  readonly bitrateKbps: number;
  readonly sampleRate: number;
  readonly channels: 1 | 2;
  /** Bytes of the whole frame, header included. */
  readonly frameLength: number;
  readonly samplesPerFrame: 1152 | 576;
  /** Bytes of side information after the 4-byte header (where a Xing/Info tag starts). */
  readonly sideInfoLength: number;
}

const BITRATES = {
  1: [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  2: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
} as const;
const SAMPLE_RATES = { 1: [44100, 48000, 32000], 2: [22050, 24000, 16000], 2.5: [11025, 12000, 8000] } as const;

/** The Layer III frame header at `offset`, or null when the bytes there are not one. */
export function mpegFrameHeader(bytes: Uint8Array, offset: number): MpegFrameHeader | null {
  if (offset + 4 > bytes.length || bytes[offset] !== 0xff || (bytes[offset + 1]! & 0xe0) !== 0xe0) return null;
  const versionBits = (bytes[offset + 1]! >> 3) & 3;
  const layerBits = (bytes[offset + 1]! >> 1) & 3;
  const bitrateIndex = bytes[offset + 2]! >> 4;
  const rateIndex = (bytes[offset + 2]! >> 2) & 3;
  if (versionBits === 1 || layerBits !== 1 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) return null;
  const version = versionBits === 3 ? 1 : versionBits === 2 ? 2 : 2.5;
  const bitrateKbps = BITRATES[version === 1 ? 1 : 2][bitrateIndex]!;
  const sampleRate = SAMPLE_RATES[version][rateIndex]!;
  const padding = (bytes[offset + 2]! >> 1) & 1;
  const channels = bytes[offset + 3]! >> 6 === 3 ? 1 : 2;
  const frameLength = Math.floor(((version === 1 ? 144000 : 72000) * bitrateKbps) / sampleRate) + padding;
  const sideInfoLength = version === 1 ? (channels === 1 ? 17 : 32) : channels === 1 ? 9 : 17;
  return { version, bitrateKbps, sampleRate, channels, frameLength, samplesPerFrame: version === 1 ? 1152 : 576, sideInfoLength };
}

/**
 * Walks the frames of an MPEG audio stream (no tags around it): each
 * frame's offset and length. Throws where the bytes stop being frames,
 * since the stream comes from our own encoder and must be whole.
 */
export function mpegAudioFrames(stream: Uint8Array): { offset: number; header: MpegFrameHeader }[] {
  const frames: { offset: number; header: MpegFrameHeader }[] = [];
  let offset = 0;
  while (offset < stream.length) {
    const header = mpegFrameHeader(stream, offset);
    if (!header || offset + header.frameLength > stream.length) throw new Error(`not an MPEG audio frame at byte ${offset} of ${stream.length}`);
    frames.push({ offset, header });
    offset += header.frameLength;
  }
  return frames;
}
