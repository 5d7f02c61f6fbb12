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
export async function encodeExport(channels: readonly Float32Array[], sampleRate: number, format: ExportFormat, bitDepth: 16 | 24): Promise<EncodedAudio> {
  if (format === 'mp3') {
    const audio = await encodeMp3(channels, sampleRate);
    return { audioData: audio.frames, withTags: (tags) => mp3File(audio, tags) };
  }
  if (format === 'wav') {
    const audioData = pcmFromFloat(channels, bitDepth);
    return { audioData, withTags: (tags) => wavFile(audioData, channels.length, sampleRate, bitDepth, tags) };
  }
  const samples = quantize(channels, bitDepth);
  const stream = encodeFlac(samples, sampleRate, bitDepth);
  return {
    audioData: Buffer.from(stream.frames),
    withTags: (tags) => flacFile(stream, [{ type: VORBIS_COMMENT_BLOCK, body: vorbisCommentBlock(tags.software, vorbisComments(tags)) }]),
  };
}
