import { sniffAudioFormat } from '../sniffAudioFormat';
import { wavChunks } from '../encode/wavFile';
import { id3TagLength } from './id3v24';
import { readVorbisComments, VORBIS_COMMENT_BLOCK } from './vorbisComment';

/** What players display: the fields a listener (or a distributor's ingest) reads, as found in a file. */
export interface DisplayTags {
  readonly title?: string;
  readonly artist?: string;
  readonly remixer?: string;
  readonly composers?: readonly string[];
}

/** ID3 text encodings: 0 Latin-1, 1 UTF-16 with BOM, 2 UTF-16BE, 3 UTF-8. */
function decodeId3Text(encoding: number, bytes: Buffer): string {
  if (encoding === 3) return bytes.toString('utf8');
  if (encoding === 0) return bytes.toString('latin1');
  const bigEndian = encoding === 2 || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const body = encoding === 1 ? bytes.subarray(2) : bytes;
  return bigEndian ? Buffer.from(body).swap16().toString('utf16le') : body.toString('utf16le');
}

/** Text frames (T***, not TXXX) of an ID3v2.3/2.4 tag: id → values (v2.4 separates values with NUL). */
function id3TextFrames(bytes: Uint8Array): Map<string, string[]> {
  const frames = new Map<string, string[]>();
  const length = id3TagLength(bytes);
  if (length === 0) return frames;
  const version = bytes[3]!;
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const size = (offset: number) =>
    version === 4
      ? ((view[offset]! & 0x7f) << 21) | ((view[offset + 1]! & 0x7f) << 14) | ((view[offset + 2]! & 0x7f) << 7) | (view[offset + 3]! & 0x7f)
      : view.readUInt32BE(offset);
  let offset = 10;
  while (offset + 10 <= Math.min(length, view.length) && view[offset] !== 0) {
    const id = view.toString('latin1', offset, offset + 4);
    const frameSize = size(offset + 4);
    const body = view.subarray(offset + 10, Math.min(view.length, offset + 10 + frameSize));
    if (id.startsWith('T') && id !== 'TXXX' && body.length > 1)
      frames.set(
        id,
        decodeId3Text(body[0]!, Buffer.from(body.subarray(1)))
          .replace(/\0+$/, '')
          .split('\0'),
      );
    offset += 10 + frameSize;
  }
  return frames;
}

function fromId3(bytes: Uint8Array): DisplayTags {
  const frames = id3TextFrames(bytes);
  return { title: frames.get('TIT2')?.[0], artist: frames.get('TPE1')?.join(', '), remixer: frames.get('TPE4')?.join(', '), composers: frames.get('TCOM') };
}

function flacComments(bytes: Uint8Array): Map<string, string[]> {
  let offset = 4;
  while (offset + 4 <= bytes.length) {
    const last = (bytes[offset]! & 0x80) !== 0;
    const type = bytes[offset]! & 0x7f;
    const length = (bytes[offset + 1]! << 16) | (bytes[offset + 2]! << 8) | bytes[offset + 3]!;
    if (type === VORBIS_COMMENT_BLOCK) return readVorbisComments(bytes.subarray(offset + 4, offset + 4 + length));
    offset += 4 + length;
    if (last) break;
  }
  return new Map();
}

/**
 * The display tags of a WAV (its `id3 ` chunk), FLAC (Vorbis comments) or
 * MP3 (ID3v2) file — what `inspect` holds against the attribution record.
 */
export function readDisplayTags(bytes: Uint8Array): DisplayTags {
  const format = sniffAudioFormat(bytes);
  if (format === 'mp3') return fromId3(bytes);
  if (format === 'wav') {
    const id3 = wavChunks(bytes).get('id3 ') ?? wavChunks(bytes).get('ID3 ');
    return id3 ? fromId3(id3) : {};
  }
  if (format === 'flac') {
    const c = flacComments(bytes);
    return { title: c.get('TITLE')?.[0], artist: c.get('ARTIST')?.join(', '), remixer: c.get('REMIXER')?.join(', '), composers: c.get('COMPOSER') };
  }
  return {};
}
