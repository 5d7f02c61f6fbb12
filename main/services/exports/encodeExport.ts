import { encodeFlac, flacFile } from '../../media/encode/encodeFlac';
import { encodeMp3, mp3File } from '../../media/encode/encodeMp3';
import { quantize } from '../../media/encode/quantize';
import { pcmFromFloat } from '../../media/encode/pcmFromFloat';
import { wavFile } from '../../media/encode/wavFile';
import { VORBIS_COMMENT_BLOCK, vorbisCommentBlock, vorbisComments } from '../../media/metadata/vorbisComment';
import type { TagSet } from '../../media/metadata/TagSet';

export type ExportFormat = 'wav' | 'flac' | 'mp3';

/** Encoded audio before tagging: the audio payload is fixed here, so its hash can go into the record. */
export interface EncodedAudio {
  readonly audioData: Buffer;
  /** Builds the final file around the same audio payload with the given tags. */
  withTags(tags: TagSet): Buffer;
}

/**
 * Encodes a rendered mix: WAV or FLAC at 16 (dithered) or 24 bits, or MP3
 * at 320 kbit/s. The audio payload does not depend on the tags, so the
 * record can carry its SHA-256 and still be embedded in the same file.
 */
export async function encodeExport(channels: readonly Float32Array[], sampleRate: number, format: ExportFormat, bitDepth: 16 | 24): Promise<EncodedAudio & { parts: EncodedParts }> {
  if (format === 'mp3') return withParts({ format, audioData: await encodeMp3(channels, sampleRate) });
  if (format === 'wav') return withParts({ format, audioData: pcmFromFloat(channels, bitDepth), channels: channels.length, sampleRate, bitDepth });
  const stream = encodeFlac(quantize(channels, bitDepth), sampleRate, bitDepth);
  return withParts({ format, streamInfo: stream.streamInfo, frames: stream.frames });
}

/** The encoded audio as plain data (what a worker thread hands back): enough to build the file with any tags. */
export type EncodedParts =
  | { readonly format: 'mp3'; readonly audioData: Uint8Array }
  | { readonly format: 'wav'; readonly audioData: Uint8Array; readonly channels: number; readonly sampleRate: number; readonly bitDepth: 16 | 24 }
  | { readonly format: 'flac'; readonly streamInfo: Uint8Array; readonly frames: Uint8Array };

/** The encoded audio from its parts: its payload, and the file around it for given tags. */
export function encodedFromParts(parts: EncodedParts): EncodedAudio {
  if (parts.format === 'mp3') {
    const audioData = Buffer.from(parts.audioData.buffer, parts.audioData.byteOffset, parts.audioData.byteLength);
    return { audioData, withTags: (tags) => mp3File(audioData, tags) };
  }
  if (parts.format === 'wav') {
    const audioData = Buffer.from(parts.audioData.buffer, parts.audioData.byteOffset, parts.audioData.byteLength);
    return { audioData, withTags: (tags) => wavFile(audioData, parts.channels, parts.sampleRate, parts.bitDepth, tags) };
  }
  return {
    audioData: Buffer.from(parts.frames),
    withTags: (tags) => flacFile(parts, [{ type: VORBIS_COMMENT_BLOCK, body: vorbisCommentBlock(tags.software, vorbisComments(tags)) }]),
  };
}

function withParts(parts: EncodedParts): EncodedAudio & { parts: EncodedParts } {
  return { ...encodedFromParts(parts), parts };
}
