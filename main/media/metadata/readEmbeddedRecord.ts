import { sniffAudioFormat } from '../sniffAudioFormat';
import { mp3AudioData } from '../encode/encodeMp3';
import { wavChunks } from '../encode/wavFile';
import { readId3UserText } from './id3v24';
import { readVorbisComments, VORBIS_COMMENT_BLOCK } from './vorbisComment';

export interface EmbeddedRecord {
  readonly format: 'wav' | 'flac' | 'mp3' | 'ogg';
  /** The attribution record JSON found in the file's tags, if any. */
  readonly recordJson: string | null;
  readonly exportId: string | null;
  /** The audio payload the record's audioSha256 covers. */
  readonly audioData: Uint8Array;
}

/** FLAC metadata blocks (type, body) and where the audio frames start. */
function flacBlocks(bytes: Uint8Array): { blocks: { type: number; body: Uint8Array }[]; framesStart: number } {
  const blocks: { type: number; body: Uint8Array }[] = [];
  let offset = 4;
  for (;;) {
    if (offset + 4 > bytes.length) throw new Error('truncated FLAC metadata');
    const last = (bytes[offset]! & 0x80) !== 0;
    const type = bytes[offset]! & 0x7f;
    const length = (bytes[offset + 1]! << 16) | (bytes[offset + 2]! << 8) | bytes[offset + 3]!;
    blocks.push({ type, body: bytes.subarray(offset + 4, offset + 4 + length) });
    offset += 4 + length;
    if (last) return { blocks, framesStart: offset };
  }
}

/**
 * The export id of a WAV whose `id3 ` chunk is gone (an ffmpeg remux keeps
 * only RIFF INFO): from the INFO comment ("Stemroom export <id>"), else
 * from bext's OriginatorReference (the id's 32 hex digits).
 */
function wavExportId(chunks: Map<string, Uint8Array>): string | null {
  const list = chunks.get('LIST');
  const text = list ? Buffer.from(list).toString('utf8') : '';
  const inComment = /Stemroom export ([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/.exec(text);
  if (inComment) return inComment[1]!;
  const bext = chunks.get('bext');
  const reference = bext && bext.length >= 320 ? Buffer.from(bext.subarray(288, 320)).toString('latin1') : '';
  const hex = /^[0-9a-f]{32}$/.exec(reference);
  return hex ? `${reference.slice(0, 8)}-${reference.slice(8, 12)}-${reference.slice(12, 16)}-${reference.slice(16, 20)}-${reference.slice(20)}` : null;
}

/**
 * Reads the attribution record back from an exported file of any format
 * (also one renamed or copied elsewhere), and isolates the audio payload
 * its hash covers: WAV `data`, FLAC frames, MP3 frames.
 */
export function readEmbeddedRecord(bytes: Uint8Array): EmbeddedRecord {
  const format = sniffAudioFormat(bytes);
  if (format === 'wav') {
    const chunks = wavChunks(bytes);
    const data = chunks.get('data');
    if (!data) throw new Error('the WAV file has no data chunk');
    const id3 = chunks.get('id3 ') ?? chunks.get('ID3 ');
    const tags = id3 ? readId3UserText(id3) : new Map<string, string>();
    return { format, recordJson: tags.get('STEMROOM_ATTRIBUTION') ?? null, exportId: tags.get('STEMROOM_EXPORT_ID') ?? wavExportId(chunks), audioData: data };
  }
  if (format === 'flac') {
    const { blocks, framesStart } = flacBlocks(bytes);
    const comments = blocks.find((b) => b.type === VORBIS_COMMENT_BLOCK);
    const tags = comments ? readVorbisComments(comments.body) : new Map<string, string[]>();
    return {
      format,
      recordJson: tags.get('STEMROOM_ATTRIBUTION')?.[0] ?? null,
      exportId: tags.get('STEMROOM_EXPORT_ID')?.[0] ?? null,
      audioData: bytes.subarray(framesStart),
    };
  }
  if (format === 'mp3') {
    const tags = readId3UserText(bytes);
    return { format, recordJson: tags.get('STEMROOM_ATTRIBUTION') ?? null, exportId: tags.get('STEMROOM_EXPORT_ID') ?? null, audioData: mp3AudioData(bytes) };
  }
  if (format === 'ogg') return { format, recordJson: null, exportId: null, audioData: bytes };
  throw new Error('not a WAV, FLAC or MP3 file');
}
