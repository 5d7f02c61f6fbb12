export type AudioContainer = 'wav' | 'flac' | 'ogg' | 'mp3';

const contentTypes: Record<AudioContainer, string> = {
  wav: 'audio/wav',
  flac: 'audio/flac',
  ogg: 'audio/ogg',
  mp3: 'audio/mpeg',
};

/** Recognises an audio container from its first bytes; null when it is none we read. */
export function sniffAudioFormat(head: Uint8Array): AudioContainer | null {
  const ascii = (offset: number, length: number) => String.fromCharCode(...head.subarray(offset, offset + length));
  if (head.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 4) === 'WAVE') return 'wav';
  if (head.length >= 4 && ascii(0, 4) === 'fLaC') return 'flac';
  if (head.length >= 4 && ascii(0, 4) === 'OggS') return 'ogg';
  if (head.length >= 3 && ascii(0, 3) === 'ID3') return 'mp3';
  if (head.length >= 2 && head[0] === 0xff && (head[1]! & 0xe0) === 0xe0) return 'mp3';
  return null;
}

export function contentTypeOf(container: AudioContainer): string {
  return contentTypes[container];
}
