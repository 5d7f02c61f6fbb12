import type { TagSet } from './TagSet';

/** FLAC metadata block type of a VORBIS_COMMENT. */
export const VORBIS_COMMENT_BLOCK = 4;

/**
 * The export's credits as Vorbis comments, in the fields players read:
 * ARTIST (display artist), PERFORMER (who is heard — never the writers),
 * REMIXER, and one COMPOSER / LYRICIST / ARRANGER per person (Vorbis
 * comments repeat a field for several values).
 */
export function vorbisComments(tags: TagSet): [string, string][] {
  const each = (field: string, values: readonly string[]) => values.map((value): [string, string] => [field, value]);
  return [
    ['TITLE', tags.title],
    ['ARTIST', tags.artist],
    ...each('PERFORMER', tags.performers),
    ...(tags.remixer ? [['REMIXER', tags.remixer] as [string, string]] : []),
    ...each('COMPOSER', tags.composers),
    ...each('LYRICIST', tags.lyricists),
    ...each('ARRANGER', tags.arrangers),
    ['DATE', tags.date.slice(0, 10)],
    ['COPYRIGHT', tags.copyright],
    ['COMMENT', tags.comment],
    ['ENCODER', tags.software],
    ...(tags.isrc ? [['ISRC', tags.isrc] as [string, string]] : []),
    ...each('SOURCE_ISRC', tags.sourceIsrcs),
    ...each('SOURCE_ISWC', tags.sourceIswcs),
    ['STEMROOM_EXPORT_ID', tags.exportId],
    ['STEMROOM_ATTRIBUTION', tags.attribution],
  ];
}

/** The VORBIS_COMMENT block body: vendor string, then NAME=value entries (UTF-8, little-endian lengths). */
export function vorbisCommentBlock(vendor: string, comments: readonly [string, string][]): Buffer {
  const parts: Buffer[] = [];
  const lengthPrefixed = (value: string) => {
    const bytes = Buffer.from(value, 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32LE(bytes.length);
    parts.push(length, bytes);
  };
  lengthPrefixed(vendor);
  const count = Buffer.alloc(4);
  count.writeUInt32LE(comments.length);
  parts.push(count);
  for (const [name, value] of comments) lengthPrefixed(`${name}=${value}`);
  return Buffer.concat(parts);
}

/** NAME → values of a VORBIS_COMMENT block body. */
export function readVorbisComments(body: Uint8Array): Map<string, string[]> {
  const view = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const comments = new Map<string, string[]>();
  let offset = 4 + view.readUInt32LE(0);
  const count = view.readUInt32LE(offset);
  offset += 4;
  for (let i = 0; i < count && offset + 4 <= view.length; i++) {
    const length = view.readUInt32LE(offset);
    const entry = view.toString('utf8', offset + 4, offset + 4 + length);
    offset += 4 + length;
    const eq = entry.indexOf('=');
    if (eq > 0) {
      const name = entry.slice(0, eq).toUpperCase();
      comments.set(name, [...(comments.get(name) ?? []), entry.slice(eq + 1)]);
    }
  }
  return comments;
}
