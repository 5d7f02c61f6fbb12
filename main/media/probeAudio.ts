import { sniffAudioFormat, type AudioContainer } from './sniffAudioFormat';

export interface AudioProbe {
  readonly container: AudioContainer;
  readonly sampleRate: number;
  readonly channels: number;
}

/**
 * Reads the native sample rate and channel count from a file's header, so
 * it can be decoded without resampling (Web Audio's decodeAudioData
 * resamples to the context's rate). Null when the bytes are no audio we
 * decode; throws with the reason for a recognised but unsupported stream.
 */
export function probeAudio(bytes: Uint8Array): AudioProbe | null {
  const container = sniffAudioFormat(bytes);
  if (!container) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  switch (container) {
    case 'wav':
      return probeWav(bytes, view);
    case 'flac':
      return probeFlac(bytes);
    case 'ogg':
      return probeOgg(bytes, view);
    case 'mp3':
      return probeMp3(bytes);
  }
}

function ascii(bytes: Uint8Array, offset: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(offset, offset + length));
}

function probeWav(bytes: Uint8Array, view: DataView): AudioProbe | null {
  let offset = 12;
  while (offset + 8 <= bytes.length) {
    const id = ascii(bytes, offset, 4);
    const size = view.getUint32(offset + 4, true);
    if (id === 'fmt ' && offset + 16 <= bytes.length) {
      const format = view.getUint16(offset + 8, true);
      if (![1, 3, 0xfffe].includes(format)) throw new Error(`WAV format ${format} is not PCM or float (compressed WAV is not supported)`);
      return { container: 'wav', channels: view.getUint16(offset + 10, true), sampleRate: view.getUint32(offset + 12, true) };
    }
    offset += 8 + size + (size & 1);
  }
  return null;
}

function probeFlac(bytes: Uint8Array): AudioProbe | null {
  // STREAMINFO is the first metadata block: 4-byte block header at 4, body at 8.
  if (bytes.length < 8 + 18 || (bytes[4]! & 0x7f) !== 0) return null;
  const b = (i: number) => bytes[8 + i]!;
  const sampleRate = (b(10) << 12) | (b(11) << 4) | (b(12) >> 4);
  const channels = ((b(12) >> 1) & 0x07) + 1;
  return { container: 'flac', sampleRate, channels };
}

function probeOgg(bytes: Uint8Array, view: DataView): AudioProbe | null {
  // First page: 27-byte header + segment table, then the first packet.
  const segments = bytes[26];
  if (segments === undefined) return null;
  const packet = 27 + segments;
  if (ascii(bytes, packet, 8) === 'OpusHead') throw new Error('Ogg Opus is not supported for stems; use Ogg Vorbis, FLAC or WAV');
  if (bytes[packet] !== 1 || ascii(bytes, packet + 1, 6) !== 'vorbis') return null;
  return { container: 'ogg', channels: bytes[packet + 11]!, sampleRate: view.getUint32(packet + 12, true) };
}

const mpegRates: Record<number, number[]> = { 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] };

function probeMp3(bytes: Uint8Array): AudioProbe | null {
  let offset = 0;
  if (ascii(bytes, 0, 3) === 'ID3' && bytes.length > 10) {
    const size = ((bytes[6]! & 0x7f) << 21) | ((bytes[7]! & 0x7f) << 14) | ((bytes[8]! & 0x7f) << 7) | (bytes[9]! & 0x7f);
    offset = 10 + size + (bytes[5]! & 0x10 ? 10 : 0);
  }
  for (; offset + 4 <= bytes.length; offset++) {
    if (bytes[offset] !== 0xff || (bytes[offset + 1]! & 0xe0) !== 0xe0) continue;
    const version = (bytes[offset + 1]! >> 3) & 0x03;
    const layer = (bytes[offset + 1]! >> 1) & 0x03;
    const rateIndex = (bytes[offset + 2]! >> 2) & 0x03;
    const rates = mpegRates[version];
    if (!rates || layer === 0 || rateIndex === 3) continue;
    const mode = bytes[offset + 3]! >> 6;
    return { container: 'mp3', sampleRate: rates[rateIndex]!, channels: mode === 3 ? 1 : 2 };
  }
  return null;
}
