import { riffChunk } from '../encode/riffChunk';
import { plainPunctuation } from './asciiText';
import type { TagSet } from './TagSet';

/** Windows code page number of UTF-8. */
const CODE_PAGE_UTF8 = 65001;

/**
 * A RIFF `CSET` chunk declaring UTF-8: RIFF INFO has no fixed character
 * set, and without it exiftool reads the bytes as Latin-1 ("æ±äº¬" for
 * "東京"). ffmpeg and MediaInfo read INFO as UTF-8 anyway. (exiftool 12.57
 * then warns "Unsupported character set (65001)" although it shows the
 * text right: its code-page table maps 65001 to UTF8 but is not consulted.)
 */
function csetChunk(): Buffer {
  const body = Buffer.alloc(8);
  body.writeUInt16LE(CODE_PAGE_UTF8, 0); // code page; country, language and dialect 0 (unspecified)
  return riffChunk('CSET', body);
}

/**
 * RIFF INFO — what ffmpeg-based tools read from a WAV (they ignore the
 * `id3 ` chunk): INAM title, IART artist, IMUS composers ("music by"),
 * IWRI lyricists ("written by"), ICMT the comment (remixer, writers, the
 * export id and the credit lines), ICOP, ISFT, ICRD. No ISRC: in INFO it
 * means "source medium". ffmpeg keeps INAM, IART, ICMT, ICOP and ICRD
 * through a `-c copy` remux, so the credit lines and export id survive one.
 *
 * Typographic punctuation is spelled in ASCII (— → -, ℗ → (P)), so
 * Latin-script credits are plain ASCII every reader agrees on; when a
 * name or title still needs more (東京, Zoë), the values are UTF-8 and a
 * `CSET` chunk before the list says so. Returns the chunks to write.
 *
 * @example
 * riffInfoChunks(tags); // [LIST INFO] or [CSET, LIST INFO]
 */
export function riffInfoChunks(tags: TagSet): Buffer[] {
  const entries: [string, string][] = [
    ['INAM', tags.title],
    ['IART', tags.artist],
    ...(tags.composers.length ? [['IMUS', tags.composers.join('/')] as [string, string]] : []),
    ...(tags.lyricists.length ? [['IWRI', tags.lyricists.join('/')] as [string, string]] : []),
    ['ICMT', tags.comment],
    ['ICOP', tags.copyright],
    ['ISFT', tags.software],
    ['ICRD', tags.date.slice(0, 10)],
  ];
  const values = entries.map(([id, value]): [string, string] => [id, plainPunctuation(value)]);
  const body = Buffer.concat([Buffer.from('INFO', 'latin1'), ...values.map(([id, value]) => riffChunk(id, Buffer.from(`${value}\0`, 'utf8')))]);
  const list = riffChunk('LIST', body);
  return values.some(([, value]) => [...value].some((c) => c.charCodeAt(0) > 0x7f)) ? [csetChunk(), list] : [list];
}
