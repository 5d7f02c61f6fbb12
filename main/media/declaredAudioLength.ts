import type { AudioProbe } from './probeAudio';

/** How long a file says it is, read from its structure without decoding a sample. */
export interface DeclaredLength {
  /** Frames (samples per channel) the file declares or holds; null when it does not say. */
  readonly frames: number | null;
  /** Why the file is plainly cut short (a frame, page or chunk runs past its end); null when it is whole. */
  readonly truncated: string | null;
}

/**
 * The length an audio file declares, per container: WAV — the `data`
 * chunk's size; FLAC — STREAMINFO's total samples; MP3 — the Xing/Info or
 * VBRI frame count, else the MPEG frames counted; Ogg Vorbis — the last
 * page's granule position. Also notices a file cut off mid-chunk,
 * mid-frame or mid-page, or an Ogg stream without its last page.
 */
export function declaredAudioLength(bytes: Uint8Array, probe: AudioProbe): DeclaredLength {
  switch (probe.container) {
    case 'wav':
      return wavLength(bytes);
    case 'flac':
      return flacLength(bytes);
    case 'mp3':
      return mp3Length(bytes);
    case 'ogg':
      return oggLength(bytes);
  }
}

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
const ascii = (bytes: Uint8Array, at: number, length: number) => String.fromCharCode(...bytes.subarray(at, at + length));

function wavLength(bytes: Uint8Array): DeclaredLength {
  const data = view(bytes);
  let blockAlign = 0;
  for (let offset = 12; offset + 8 <= bytes.length;) {
    const id = ascii(bytes, offset, 4);
    const size = data.getUint32(offset + 4, true);
    if (id === 'fmt ' && offset + 22 <= bytes.length) blockAlign = data.getUint16(offset + 20, true);
    if (id === 'data') {
      if (!blockAlign) return { frames: null, truncated: null };
      const held = bytes.length - (offset + 8);
      const frames = Math.floor(size / blockAlign);
      return { frames, truncated: size > held ? `is truncated: its data chunk declares ${size} bytes of audio, the file holds ${held}` : null };
    }
    offset += 8 + size + (size & 1);
  }
  return { frames: null, truncated: null };
}

function flacLength(bytes: Uint8Array): DeclaredLength {
  if (bytes.length < 8 + 18) return { frames: null, truncated: null };
  const b = (i: number) => bytes[8 + i]!;
  // 36 bits: the low 4 bits of byte 13, then bytes 14–17.
  const total = (b(13) & 0x0f) * 2 ** 32 + ((b(14) << 24) >>> 0) + (b(15) << 16) + (b(16) << 8) + b(17);
  return { frames: total === 0 ? null : total, truncated: null };
}

const bitrates = {
  v1: [
    [],
    [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
    [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
    [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  ],
  v2: [
    [],
    [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
    [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
    [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
  ],
};
const sampleRates: Record<number, number[]> = { 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] };

/** An MPEG audio frame header at `at`: its length in bytes and samples, or null. */
function mpegFrame(bytes: Uint8Array, at: number): { length: number; samples: number; v1: boolean; mono: boolean } | null {
  if (at + 4 > bytes.length || bytes[at] !== 0xff || (bytes[at + 1]! & 0xe0) !== 0xe0) return null;
  const version = (bytes[at + 1]! >> 3) & 3;
  const layerBits = (bytes[at + 1]! >> 1) & 3;
  const bitrateIndex = bytes[at + 2]! >> 4;
  const rateIndex = (bytes[at + 2]! >> 2) & 3;
  const rates = sampleRates[version];
  if (!rates || layerBits === 0 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) return null;
  const layer = 4 - layerBits; // 1, 2 or 3
  const v1 = version === 3;
  const kbps = (v1 ? bitrates.v1 : bitrates.v2)[layer]![bitrateIndex]!;
  const rate = rates[rateIndex]!;
  const padding = (bytes[at + 2]! >> 1) & 1;
  const length =
    layer === 1 ? Math.floor((12 * kbps * 1000) / rate + padding) * 4 : Math.floor(((layer === 3 && !v1 ? 72 : 144) * kbps * 1000) / rate) + padding;
  const samples = layer === 1 ? 384 : layer === 3 && !v1 ? 576 : 1152;
  return { length, samples, v1, mono: bytes[at + 3]! >> 6 === 3 };
}

/** Frames announced by a Xing/Info or VBRI header in the first frame (which is itself silent), or null. */
function announcedMpegFrames(bytes: Uint8Array, at: number, first: { v1: boolean; mono: boolean }): number | null {
  const data = view(bytes);
  const xing = at + 4 + (first.v1 ? (first.mono ? 17 : 32) : first.mono ? 9 : 17);
  const tag = ascii(bytes, xing, 4);
  if ((tag === 'Xing' || tag === 'Info') && xing + 12 <= bytes.length && data.getUint32(xing + 4) & 1) return data.getUint32(xing + 8);
  if (ascii(bytes, at + 36, 4) === 'VBRI' && at + 54 <= bytes.length) return data.getUint32(at + 50);
  return null;
}

function mp3Length(bytes: Uint8Array): DeclaredLength {
  let at = 0;
  if (ascii(bytes, 0, 3) === 'ID3' && bytes.length > 10) {
    at = 10 + (((bytes[6]! & 0x7f) << 21) | ((bytes[7]! & 0x7f) << 14) | ((bytes[8]! & 0x7f) << 7) | (bytes[9]! & 0x7f)) + (bytes[5]! & 0x10 ? 10 : 0);
  }
  while (at + 4 <= bytes.length && !mpegFrame(bytes, at)) at++;
  const first = mpegFrame(bytes, at);
  if (!first) return { frames: null, truncated: null };
  const announced = announcedMpegFrames(bytes, at, first);
  let counted = 0;
  let samples = 0;
  for (let frame: ReturnType<typeof mpegFrame> = first; frame; frame = mpegFrame(bytes, at)) {
    if (at + frame.length > bytes.length)
      return { frames: null, truncated: `is truncated: its MPEG frame ${counted + 1} needs ${frame.length} bytes, the file ends after ${bytes.length - at}` };
    counted++;
    samples = frame.samples;
    at += frame.length;
  }
  // What follows the last frame may be a tag (ID3v1 "TAG", APE, Lyrics3); anything is allowed after a frame boundary.
  if (announced !== null) {
    // Encoders disagree on whether the count includes the Xing/Info frame itself: give it the benefit.
    if (counted < announced)
      return { frames: announced * samples, truncated: `is truncated: its header announces ${announced} MPEG frames, the file holds ${counted - 1}` };
    return { frames: announced * samples, truncated: null };
  }
  return { frames: counted * samples, truncated: null };
}

function oggLength(bytes: Uint8Array): DeclaredLength {
  const data = view(bytes);
  let at = 0;
  let granule: number | null = null;
  let ended = false;
  while (at + 27 <= bytes.length && ascii(bytes, at, 4) === 'OggS') {
    const segments = bytes[at + 26]!;
    if (at + 27 + segments > bytes.length) return { frames: granule, truncated: 'is truncated: its last Ogg page is cut off' };
    let body = 0;
    for (let i = 0; i < segments; i++) body += bytes[at + 27 + i]!;
    const next = at + 27 + segments + body;
    if (next > bytes.length) return { frames: granule, truncated: 'is truncated: its last Ogg page is cut off' };
    const position = data.getBigInt64(at + 6, true);
    if (position >= 0n) granule = Number(position);
    ended = (bytes[at + 5]! & 0x04) !== 0;
    at = next;
  }
  if (!ended) return { frames: granule, truncated: 'is truncated: the Ogg stream ends without its last page' };
  return { frames: granule, truncated: null };
}
