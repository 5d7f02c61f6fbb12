import type * as Encoders from 'wasm-media-encoders';
import { id3TagLength, id3v24Tag } from '../metadata/id3v24';
import type { TagSet } from '../metadata/TagSet';
import { infoFrameLength, LAME_ENCODER_DELAY, lameInfoFrame } from './lameInfoFrame';

let encoderModule: Promise<typeof Encoders> | undefined;

/** The LAME build inside wasm-media-encoders 0.7 (its frames' ancillary data names it). */
const LAME_VERSION = 'LAME3.100';

export interface Mp3Audio {
  /** The LAME info frame (exact length, encoder delay and padding): rewritten by remuxers, so not hashed. */
  readonly infoFrame: Buffer;
  /** The MPEG audio frames: what the export's audio hash covers. */
  readonly frames: Buffer;
}

/**
 * MPEG audio frames through LAME (the WASM build in wasm-media-encoders),
 * constant 320 kbit/s by default, with the info frame LAME writes when it
 * can seek back (lameInfoFrame) so players trim the delay and padding and
 * report the exact duration.
 */
export async function encodeMp3(channels: readonly Float32Array[], sampleRate: number, bitrate: 128 | 192 | 256 | 320 = 320): Promise<Mp3Audio> {
  if (sampleRate !== 32000 && sampleRate !== 44100 && sampleRate !== 48000) {
    // LAME would resample to an MPEG-1 rate with a delay of its own: the gapless info would be wrong.
    throw new Error(`MP3 export needs a 32, 44.1 or 48 kHz mix, not ${sampleRate} Hz`);
  }
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
  const frames = Buffer.concat(parts);
  return { infoFrame: lameInfoFrame(frames, { sampleCount: channels[0]!.length, encoderDelay: LAME_ENCODER_DELAY, encoderVersion: LAME_VERSION }), frames };
}

/** An .mp3 file: the ID3v2.4 tag, the info frame, then the frames. */
export function mp3File(audio: Mp3Audio, tags: TagSet): Buffer {
  return Buffer.concat([id3v24Tag(tags), audio.infoFrame, audio.frames]);
}

/**
 * The MPEG audio of an MP3 file: the frames after the leading ID3v2 tag and
 * a Xing/Info frame, before a trailing ID3v1 tag. (Files exported before
 * the info frame existed hash the same as they always did.)
 */
export function mp3AudioData(bytes: Uint8Array): Uint8Array {
  let start = id3TagLength(bytes);
  let end = bytes.length;
  if (end - start >= 128 && String.fromCharCode(bytes[end - 128]!, bytes[end - 127]!, bytes[end - 126]!) === 'TAG') end -= 128;
  start += infoFrameLength(bytes.subarray(start, end));
  return bytes.subarray(start, end);
}
