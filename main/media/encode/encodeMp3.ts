import type * as Encoders from 'wasm-media-encoders';
import { id3TagLength, id3v24Tag } from '../metadata/id3v24';
import type { TagSet } from '../metadata/TagSet';

let encoderModule: Promise<typeof Encoders> | undefined;

/**
 * MPEG audio frames through LAME (the WASM build in wasm-media-encoders),
 * constant 320 kbit/s by default: what the export's audio hash covers.
 */
export async function encodeMp3(channels: readonly Float32Array[], sampleRate: number, bitrate: 128 | 192 | 256 | 320 = 320): Promise<Buffer> {
  encoderModule ??= import('wasm-media-encoders');
  const { createMp3Encoder } = await encoderModule;
  const encoder: Encoders.WasmMediaEncoder<'audio/mpeg'> = await createMp3Encoder();
  encoder.configure({ sampleRate, channels: channels.length as 1 | 2, bitrate });
  const parts: Buffer[] = [];
  const block = 1152 * 32;
  for (let start = 0; start < channels[0]!.length; start += block) {
    parts.push(Buffer.from(encoder.encode(channels.map((c) => c.subarray(start, start + block)))));
  }
  parts.push(Buffer.from(encoder.finalize()));
  return Buffer.concat(parts);
}

/** An .mp3 file: the ID3v2.4 tag, then the frames. */
export function mp3File(audioData: Buffer, tags: TagSet): Buffer {
  return Buffer.concat([id3v24Tag(tags), audioData]);
}

/** The MPEG audio of an MP3 file: everything after the leading ID3v2 tag, before a trailing ID3v1 tag. */
export function mp3AudioData(bytes: Uint8Array): Uint8Array {
  const start = id3TagLength(bytes);
  let end = bytes.length;
  if (end - start >= 128 && String.fromCharCode(bytes[end - 128]!, bytes[end - 127]!, bytes[end - 126]!) === 'TAG') end -= 128;
  return bytes.subarray(start, end);
}
