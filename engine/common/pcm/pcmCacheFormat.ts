/**
 * The PCM cache format (`stemroom-pcm/1`, docs/pcm-cache.md): audio decoded
 * once at import so nothing ever runs a codec again. A 64-byte header, then
 * float32 little-endian samples, channels interleaved frame by frame — so a
 * byte range is a time range for every channel, which is what streaming
 * range reads want.
 *
 * | offset | size | field |
 * |---|---|---|
 * | 0 | 8 | magic `SRPCM\x001\x00` |
 * | 8 | 4 | header size in bytes (64), uint32 LE |
 * | 12 | 4 | sample rate in Hz, uint32 LE |
 * | 16 | 4 | channels (1–8), uint32 LE |
 * | 20 | 4 | sample format: 1 = float32 LE, uint32 LE |
 * | 24 | 8 | frames, float64 LE (a whole number) |
 * | 32 | 32 | SHA-256 of the source blob it was decoded from |
 * | 64 | … | frames × channels × 4 bytes |
 *
 * @example
 * const header = decodePcmHeader(bytes.subarray(0, PCM_HEADER_BYTES), bytes.length);
 * const samples = bytes.subarray(PCM_HEADER_BYTES);   // float32 LE, channels interleaved
 */
export const PCM_HEADER_BYTES = 64;
export const PCM_MAGIC = [0x53, 0x52, 0x50, 0x43, 0x4d, 0x00, 0x31, 0x00] as const;
export const PCM_FLOAT32 = 1;

/**
 * What a PCM cache file's header says: rate, channels, frames and the source blob it was decoded from.
 *
 * @example
 * const header: PcmHeader = { sampleRate: 44100, channels: 2, frames: 441000, sourceSha256 };
 * pcmFileBytes(header);   // 3528064: 64 + 441000 frames × 2 channels × 4 bytes
 */
export interface PcmHeader {
  readonly sampleRate: number;
  readonly channels: number;
  readonly frames: number;
  /** Hex SHA-256 of the source the samples were decoded from. */
  readonly sourceSha256: string;
}

/**
 * Bytes of a cache file (header and samples) for `header`.
 *
 * @example
 * pcmFileBytes({ channels: 2, frames: 44100 });   // 352864: the header and one second of stereo
 */
export function pcmFileBytes(header: Pick<PcmHeader, 'channels' | 'frames'>): number {
  return PCM_HEADER_BYTES + header.frames * header.channels * 4;
}

/**
 * The 64-byte header for `header`.
 *
 * @example
 * const head = encodePcmHeader({ sampleRate: 44100, channels: 2, frames: 441000, sourceSha256 });
 */
export function encodePcmHeader(header: PcmHeader): Uint8Array {
  const bytes = new Uint8Array(PCM_HEADER_BYTES);
  const view = new DataView(bytes.buffer);
  bytes.set(PCM_MAGIC, 0);
  view.setUint32(8, PCM_HEADER_BYTES, true);
  view.setUint32(12, header.sampleRate, true);
  view.setUint32(16, header.channels, true);
  view.setUint32(20, PCM_FLOAT32, true);
  view.setFloat64(24, header.frames, true);
  for (let i = 0; i < 32; i++) bytes[32 + i] = parseInt(header.sourceSha256.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

/**
 * Reads and checks a header; returns the reason in words when it is not a
 * valid `stemroom-pcm/1` header (callers rebuild such a cache). `fileBytes`,
 * when known, must match the size the header implies.
 *
 * @example
 * const header = decodePcmHeader(head, fileSize);
 * if (typeof header === 'string') rebuild(`stale PCM cache: ${header}`);
 * else console.log(header.sampleRate, header.channels, header.frames);
 */
export function decodePcmHeader(bytes: Uint8Array, fileBytes?: number): PcmHeader | string {
  if (bytes.length < PCM_HEADER_BYTES) return `header is ${bytes.length} bytes, not ${PCM_HEADER_BYTES}`;
  if (PCM_MAGIC.some((b, i) => bytes[i] !== b)) return 'not a stemroom-pcm/1 file (magic)';
  const view = new DataView(bytes.buffer, bytes.byteOffset, PCM_HEADER_BYTES);
  if (view.getUint32(8, true) !== PCM_HEADER_BYTES) return 'unknown header size';
  const sampleRate = view.getUint32(12, true);
  const channels = view.getUint32(16, true);
  const format = view.getUint32(20, true);
  const frames = view.getFloat64(24, true);
  if (format !== PCM_FLOAT32) return `unknown sample format ${format}`;
  if (sampleRate < 8000 || sampleRate > 384_000) return `implausible sample rate ${sampleRate}`;
  if (channels < 1 || channels > 8) return `implausible channel count ${channels}`;
  if (!Number.isSafeInteger(frames) || frames < 1) return `implausible frame count ${frames}`;
  const header = { sampleRate, channels, frames, sourceSha256: hex(bytes.subarray(32, 64)) };
  if (fileBytes !== undefined && fileBytes !== pcmFileBytes(header)) return `file is ${fileBytes} bytes, the header implies ${pcmFileBytes(header)}`;
  return header;
}

/**
 * Interleaves planar channels into float32 frames (what follows the header).
 *
 * @example
 * interleave([Float32Array.of(1, 2), Float32Array.of(-1, -2)]);   // Float32Array [1, -1, 2, -2]
 */
export function interleave(channels: readonly Float32Array[], from = 0, to = channels[0]?.length ?? 0): Float32Array {
  const count = channels.length;
  const out = new Float32Array((to - from) * count);
  for (let c = 0; c < count; c++) {
    const channel = channels[c]!;
    for (let i = from, o = c; i < to; i++, o += count) out[o] = channel[i]!;
  }
  return out;
}

/**
 * Splits interleaved float32 frames into planar channels.
 *
 * @example
 * deinterleave(Float32Array.of(1, -1, 2, -2), 2);   // [Float32Array [1, 2], Float32Array [-1, -2]]
 */
export function deinterleave(samples: Float32Array, channels: number): Float32Array[] {
  const frames = Math.floor(samples.length / channels);
  return Array.from({ length: channels }, (_, c) => {
    const out = new Float32Array(frames);
    for (let i = 0, s = c; i < frames; i++, s += channels) out[i] = samples[s]!;
    return out;
  });
}

function hex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}
