import type { TagSet } from '../metadata/TagSet';
import { id3v24Tag } from '../metadata/id3v24';

function chunk(id: string, body: Buffer): Buffer {
  const header = Buffer.alloc(8);
  header.write(id, 0, 'latin1');
  header.writeUInt32LE(body.length, 4);
  return Buffer.concat([header, body, body.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]);
}

/** RIFF INFO list: INAM title, IART artist, ICMT comment, ICOP copyright, ISFT software, ICRD date (no ISRC: in INFO it means "source"). */
function infoList(tags: TagSet): Buffer {
  const entries: [string, string][] = [
    ['INAM', tags.title],
    ['IART', tags.artist],
    ['ICMT', tags.comment],
    ['ICOP', tags.copyright],
    ['ISFT', tags.software],
    ['ICRD', tags.date.slice(0, 10)],
  ];
  const body = Buffer.concat([Buffer.from('INFO', 'latin1'), ...entries.map(([id, value]) => chunk(id, Buffer.from(`${value}\0`, 'utf8')))]);
  return chunk('LIST', body);
}

/** Broadcast WAV `bext`: description, originator Stemroom, originator reference = the export id (32 hex digits). */
function bextChunk(tags: TagSet): Buffer {
  const body = Buffer.alloc(602);
  body.write(`${tags.title} — ${tags.remixer ? `remix by ${tags.remixer}` : `by ${tags.artist}`}`.slice(0, 255), 0, 'utf8');
  body.write('Stemroom', 256, 'latin1');
  body.write(tags.exportId.replaceAll('-', '').slice(0, 32), 288, 'latin1');
  body.write(tags.date.slice(0, 10), 320, 'latin1');
  body.write(tags.date.slice(11, 19).padEnd(8, '0'), 330, 'latin1');
  body.writeUInt32LE(0, 338);
  body.writeUInt32LE(0, 342);
  body.writeUInt16LE(1, 346);
  return chunk('bext', body);
}

/**
 * A WAV file: fmt, bext, data, LIST INFO and an `id3 ` chunk with the full
 * ID3v2.4 credits. (ffprobe reads INFO and bext and ignores `id3 ` when
 * they are present; exiftool and most taggers read all three.) `audioData`
 * is the `data` chunk body (`pcmFromFloat`), copied once into the file.
 */
export function wavFile(audioData: Buffer, channels: number, sampleRate: number, bitDepth: 16 | 24, tags: TagSet): Buffer {
  const fmt = Buffer.alloc(16);
  fmt.writeUInt16LE(1, 0);
  fmt.writeUInt16LE(channels, 2);
  fmt.writeUInt32LE(sampleRate, 4);
  fmt.writeUInt32LE(sampleRate * channels * (bitDepth / 8), 8);
  fmt.writeUInt16LE(channels * (bitDepth / 8), 12);
  fmt.writeUInt16LE(bitDepth, 14);
  const dataHeader = Buffer.alloc(8);
  dataHeader.write('data', 0, 'latin1');
  dataHeader.writeUInt32LE(audioData.length, 4);
  const parts = [Buffer.from('WAVE', 'latin1'), chunk('fmt ', fmt), bextChunk(tags), dataHeader, audioData, Buffer.alloc(audioData.length % 2), infoList(tags), chunk('id3 ', id3v24Tag(tags))];
  const header = Buffer.alloc(8);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(parts.reduce((sum, part) => sum + part.length, 0), 4);
  return Buffer.concat([header, ...parts]);
}

/** The chunks of a RIFF/WAVE file: id → body. */
export function wavChunks(bytes: Uint8Array): Map<string, Uint8Array> {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks = new Map<string, Uint8Array>();
  if (view.toString('latin1', 0, 4) !== 'RIFF' || view.toString('latin1', 8, 12) !== 'WAVE') return chunks;
  let offset = 12;
  while (offset + 8 <= view.length) {
    const id = view.toString('latin1', offset, offset + 4);
    const size = view.readUInt32LE(offset + 4);
    chunks.set(id, view.subarray(offset + 8, Math.min(view.length, offset + 8 + size)));
    offset += 8 + size + (size % 2);
  }
  return chunks;
}
