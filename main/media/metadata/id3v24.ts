import type { TagSet } from './TagSet';

/** ID3v2 sizes are 28-bit "synchsafe" integers: 7 bits per byte. */
function synchsafe(size: number): Buffer {
  return Buffer.from([(size >> 21) & 0x7f, (size >> 14) & 0x7f, (size >> 7) & 0x7f, size & 0x7f]);
}

function readSynchsafe(bytes: Uint8Array, offset: number): number {
  return ((bytes[offset]! & 0x7f) << 21) | ((bytes[offset + 1]! & 0x7f) << 14) | ((bytes[offset + 2]! & 0x7f) << 7) | (bytes[offset + 3]! & 0x7f);
}

function frame(id: string, body: Buffer): Buffer {
  const header = Buffer.alloc(10);
  header.write(id, 0, 'latin1');
  synchsafe(body.length).copy(header, 4);
  return Buffer.concat([header, body]);
}

/** A text frame in UTF-8 (encoding 3); several values are NUL-separated, as v2.4 allows. */
function text(id: string, values: readonly string[]): Buffer {
  return frame(id, Buffer.concat([Buffer.from([3]), Buffer.from(values.join('\0'), 'utf8')]));
}

function userText(description: string, value: string): Buffer {
  return frame('TXXX', Buffer.concat([Buffer.from([3]), Buffer.from(`${description}\0${value}`, 'utf8')]));
}

function comment(value: string): Buffer {
  return frame('COMM', Buffer.concat([Buffer.from([3]), Buffer.from('eng', 'latin1'), Buffer.from(`\0${value}`, 'utf8')]));
}

/**
 * Free space after the frames: taggers can edit in place, and readers that
 * look for a next frame header after the last frame (exiftool warns
 * "Invalid ID3 frame size" when the tag ends right after it) find zeros.
 */
export const ID3_PADDING = 1024;

/**
 * Several people in one text frame. ID3v2.4 separates values with NUL, but
 * ffmpeg (so ffprobe and every ffmpeg-based player) and MediaInfo read only
 * the first value — the second composer would vanish. So the names share
 * one value, separated by "/" as in ID3v2.3 (what exiftool also shows).
 */
function people(names: readonly string[]): string {
  return names.join('/');
}

/**
 * An ID3v2.4 tag with the export's credits: TIT2 title, TPE1 artist, TPE4
 * remixer, TCOM composers, TEXT lyricists, TIPL arrangers, TCOP, TDRC,
 * TSSE, COMM, TSRC (the export's own ISRC), and TXXX frames for the
 * sources' ISRC/ISWC, the export id and the attribution record; then
 * `ID3_PADDING` zero bytes.
 *
 * @example
 * const tag = id3v24Tag(tags); // 'ID3' 04 00 00, synchsafe size, frames, padding
 */
export function id3v24Tag(tags: TagSet): Buffer {
  const frames = [
    text('TIT2', [tags.title]),
    text('TPE1', [tags.artist]),
    ...(tags.remixer ? [text('TPE4', [tags.remixer])] : []),
    ...(tags.composers.length ? [text('TCOM', [people(tags.composers)])] : []),
    ...(tags.lyricists.length ? [text('TEXT', [people(tags.lyricists)])] : []),
    // TIPL holds role/name pairs; composers, lyricists and the remixer have their own frames.
    ...(tags.arrangers.length
      ? [
          text(
            'TIPL',
            tags.arrangers.flatMap((name) => ['arranger', name]),
          ),
        ]
      : []),
    text('TCOP', [tags.copyright]),
    text('TDRC', [tags.date.slice(0, 10)]),
    text('TSSE', [tags.software]),
    comment(tags.comment),
    ...(tags.isrc ? [text('TSRC', [tags.isrc])] : []),
    ...tags.sourceIsrcs.map((isrc, i) => userText(i === 0 ? 'SOURCE_ISRC' : `SOURCE_ISRC_${i + 1}`, isrc)),
    ...tags.sourceIswcs.map((iswc, i) => userText(i === 0 ? 'SOURCE_ISWC' : `SOURCE_ISWC_${i + 1}`, iswc)),
    userText('STEMROOM_EXPORT_ID', tags.exportId),
    userText('STEMROOM_ATTRIBUTION', tags.attribution),
  ];
  const body = Buffer.concat([...frames, Buffer.alloc(ID3_PADDING)]);
  const header = Buffer.concat([Buffer.from('ID3', 'latin1'), Buffer.from([4, 0, 0]), synchsafe(body.length)]);
  return Buffer.concat([header, body]);
}

/** Total length of an ID3v2 tag starting at `offset` (header + body + footer), or 0 if there is none. */
export function id3TagLength(bytes: Uint8Array, offset = 0): number {
  if (bytes.length < offset + 10 || String.fromCharCode(bytes[offset]!, bytes[offset + 1]!, bytes[offset + 2]!) !== 'ID3') return 0;
  const footer = bytes[offset + 5]! & 0x10 ? 10 : 0;
  return 10 + readSynchsafe(bytes, offset + 6) + footer;
}

/** ID3 text encodings: 0 Latin-1, 1 UTF-16 with BOM, 2 UTF-16BE, 3 UTF-8. */
function decodeText(encoding: number, bytes: Buffer): string {
  if (encoding === 3) return bytes.toString('utf8');
  if (encoding === 0) return bytes.toString('latin1');
  const bigEndian = encoding === 2 || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const body = encoding === 1 ? bytes.subarray(2) : bytes;
  return bigEndian ? Buffer.from(body).swap16().toString('utf16le') : body.toString('utf16le');
}

/** TXXX values of an ID3v2.3/2.4 tag, by description. */
export function readId3UserText(bytes: Uint8Array): Map<string, string> {
  const values = new Map<string, string>();
  if (id3TagLength(bytes) === 0) return values;
  const version = bytes[3]!;
  const end = 10 + readSynchsafe(bytes, 6);
  let offset = 10;
  while (offset + 10 <= end && bytes[offset] !== 0) {
    const id = String.fromCharCode(...bytes.subarray(offset, offset + 4));
    const size = version === 4 ? readSynchsafe(bytes, offset + 4) : new DataView(bytes.buffer, bytes.byteOffset).getUint32(offset + 4);
    const body = bytes.subarray(offset + 10, offset + 10 + size);
    if (id === 'TXXX' && body.length > 1) {
      const decoded = decodeText(body[0]!, Buffer.from(body.subarray(1)));
      const separator = decoded.indexOf('\0');
      if (separator >= 0) values.set(decoded.slice(0, separator), decoded.slice(separator + 1).replace(/\0+$/, ''));
    }
    offset += 10 + size;
  }
  return values;
}
