import { riffChunk } from '../encode/riffChunk';
import { asciiText } from './asciiText';
import type { TagSet } from './TagSet';

/** EBU Tech 3285 v2: a loudness field that is not given. */
const NOT_GIVEN = 0x7fff;

export interface BextFormat {
  readonly sampleRate: number;
  readonly bitDepth: number;
  readonly channels: number;
}

/** Title, else (a title in a script ASCII cannot spell) the export id, so the description still names the export. */
function description(tags: TagSet): string {
  const title = asciiText(tags.title, 200);
  const named = /[A-Za-z0-9]/.test(title) ? title : `Stemroom export ${tags.exportId}`;
  const by = tags.remixer ? `remix by ${asciiText(tags.remixer, 64)}` : `by ${asciiText(tags.artist, 64)}`;
  return asciiText(`${named} - ${by}`, 256);
}

/**
 * Broadcast WAV `bext` (EBU Tech 3285 v2). Its text fields are ASCII and
 * fixed-size: Description (256 bytes) = title and remixer, Originator
 * "Stemroom", OriginatorReference = the export id (32 hex digits), the
 * origination date and time, the measured integrated loudness and true
 * peak, and a CodingHistory line. Non-ASCII text is transliterated or
 * left out (asciiText), so a CJK title never spills into the next field.
 *
 * @example
 * bextChunk(tags, { sampleRate: 48000, bitDepth: 24, channels: 2 }); // 'bext' chunk, 602 bytes + coding history
 */
export function bextChunk(tags: TagSet, format: BextFormat): Buffer {
  const codingHistory = `A=PCM,F=${format.sampleRate},W=${format.bitDepth},M=${format.channels === 1 ? 'mono' : 'stereo'},T=${asciiText(tags.software, 64)}\r\n`;
  const body = Buffer.alloc(602 + codingHistory.length);
  body.write(description(tags), 0, 256, 'latin1');
  body.write('Stemroom', 256, 32, 'latin1');
  body.write(tags.exportId.replaceAll('-', '').slice(0, 32), 288, 32, 'latin1');
  body.write(tags.date.slice(0, 10), 320, 10, 'latin1');
  body.write(tags.date.slice(11, 19).padEnd(8, '0'), 330, 8, 'latin1');
  body.writeUInt32LE(0, 338); // time reference: the export starts at sample 0
  body.writeUInt32LE(0, 342);
  body.writeUInt16LE(2, 346); // version 2: loudness fields
  // UMID (348–411) stays zero: Stemroom does not mint SMPTE material ids.
  const centi = (value: number | null | undefined) =>
    value === null || value === undefined || !Number.isFinite(value) ? NOT_GIVEN : Math.max(-32767, Math.min(32766, Math.round(value * 100)));
  body.writeInt16LE(centi(tags.loudness?.integratedLufs), 412);
  body.writeInt16LE(NOT_GIVEN, 414); // loudness range: not measured
  body.writeInt16LE(centi(tags.loudness?.truePeakDbtp), 416);
  body.writeInt16LE(NOT_GIVEN, 418); // max momentary loudness: not measured
  body.writeInt16LE(NOT_GIVEN, 420); // max short-term loudness: not measured
  body.write(codingHistory, 602, 'latin1');
  return riffChunk('bext', body);
}
