import { crc16 } from './crc16';
import { mpegAudioFrames, mpegFrameHeader } from './mpegAudioFrames';

/** LAME's own delay in front of the first sample (MDCT + filterbank); decoders add their 529 themselves. */
export const LAME_ENCODER_DELAY = 576;

export interface LameInfoOptions {
  /** Samples per channel of the audio that was encoded. */
  readonly sampleCount: number;
  /** Samples LAME put before the first one (LAME_ENCODER_DELAY). */
  readonly encoderDelay: number;
  /** The encoder's short version string, e.g. "LAME3.100" (9 bytes at most). */
  readonly encoderVersion: string;
}

/**
 * The Xing "Info" frame with the LAME extension that LAME writes first in
 * a seekable .mp3 (and that wasm-media-encoders, streaming, leaves out):
 * an empty Layer III frame carrying the exact frame count and byte size
 * (duration without estimating from the bitrate), a seek table, and the
 * encoder delay and end padding, so decoders drop the 576 + 529 samples of
 * delay and the padding — gapless, exactly `sampleCount` samples out.
 * Layout after the side information (all big-endian): "Info", flags 0x0F,
 * frames, bytes, 100-byte TOC, quality, then LAME's 36 bytes: version,
 * revision/method, lowpass, peak, 2 × ReplayGain, flags, bitrate, delay
 * and padding (12 bits each), misc, MP3Gain, preset, music length, music
 * CRC, and the CRC-16 of the 190 bytes before it.
 *
 * @example
 * const file = Buffer.concat([id3, lameInfoFrame(frames, { sampleCount, encoderDelay: 576, encoderVersion: 'LAME3.100' }), frames]);
 */
export function lameInfoFrame(stream: Uint8Array, options: LameInfoOptions): Buffer {
  const frames = mpegAudioFrames(stream);
  if (frames.length === 0) throw new Error('no MPEG audio frames to describe');
  const first = frames[0]!.header;
  const padding = frames.length * first.samplesPerFrame - options.encoderDelay - options.sampleCount;
  if (padding < 0 || padding > 0xfff || options.encoderDelay > 0xfff) {
    throw new Error(`the encoder's ${frames.length} frames do not hold ${options.sampleCount} samples after a delay of ${options.encoderDelay}`);
  }
  // The same header as the audio (version, rate, bitrate, mode) without padding or CRC: a CBR stream's
  // info frame has the length of its frames.
  const header = Buffer.from(stream.subarray(0, 4));
  header[1] = header[1]! | 0x01;
  header[2] = header[2]! & ~0x02;
  header[3] = header[3]! & 0xcf; // mode extension 0
  const length = Math.floor(((first.version === 1 ? 144000 : 72000) * first.bitrateKbps) / first.sampleRate);
  const frame = Buffer.alloc(length);
  header.copy(frame, 0);
  let at = 4 + first.sideInfoLength;
  if (at + 156 > length) throw new Error(`a ${first.bitrateKbps} kbit/s frame is too small for the LAME tag`);
  const totalBytes = length + stream.length;
  frame.write('Info', at, 'latin1');
  frame.writeUInt32BE(0x0f, at + 4); // frames, bytes, TOC, quality present
  frame.writeUInt32BE(frames.length, at + 8);
  frame.writeUInt32BE(totalBytes, at + 12);
  for (let percent = 0; percent < 100; percent++) {
    const position = length + frames[Math.floor((percent / 100) * frames.length)]!.offset;
    frame[at + 16 + percent] = Math.min(255, Math.floor((256 * position) / totalBytes));
  }
  frame.writeUInt32BE(0, at + 116); // quality: not recorded by the streaming encoder
  at += 120;
  frame.write(options.encoderVersion.slice(0, 9).padEnd(9, ' '), at, 'latin1');
  frame[at + 9] = 0x01; // tag revision 0, method 1: constant bitrate
  // at+10 lowpass, +11..14 peak, +15..18 ReplayGain: 0 = not given.
  frame[at + 19] = 0; // encoding flags / ATH type: not recorded
  frame[at + 20] = Math.min(255, first.bitrateKbps);
  frame[at + 21] = options.encoderDelay >> 4;
  frame[at + 22] = ((options.encoderDelay & 0x0f) << 4) | (padding >> 8);
  frame[at + 23] = padding & 0xff;
  const stereoMode = first.channels === 1 ? 0 : header[3]! >> 6 === 1 ? 3 : 1;
  const sourceRate = first.sampleRate <= 32000 ? 0 : first.sampleRate === 44100 ? 1 : first.sampleRate === 48000 ? 2 : 3;
  frame[at + 24] = (stereoMode << 2) | (sourceRate << 6);
  // at+25 MP3Gain, +26..27 preset/surround: 0.
  frame.writeUInt32BE(totalBytes, at + 28);
  frame.writeUInt16BE(crc16(stream), at + 32);
  frame.writeUInt16BE(crc16(frame.subarray(0, at + 34)), at + 34);
  return frame;
}

/** Bytes of a Xing/Info frame at the start of `audio` (0 when the first frame is music): not audio, so not hashed. */
export function infoFrameLength(audio: Uint8Array): number {
  const header = mpegFrameHeader(audio, 0);
  if (!header || header.frameLength > audio.length) return 0;
  const at = 4 + header.sideInfoLength;
  const tag = String.fromCharCode(...audio.subarray(at, at + 4));
  return tag === 'Info' || tag === 'Xing' ? header.frameLength : 0;
}
