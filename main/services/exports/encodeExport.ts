import { encodeFlac, flacFile } from '../../media/encode/encodeFlac';
import { mp3File, type Mp3Audio } from '../../media/encode/encodeMp3';
import { wavFileParts } from '../../media/encode/wavFile';
import { VORBIS_COMMENT_BLOCK, vorbisCommentBlock, vorbisComments } from '../../media/metadata/vorbisComment';
import type { TagSet } from '../../media/metadata/TagSet';

export type ExportFormat = 'wav' | 'flac' | 'mp3';

/** The seed of the 16-bit TPDF dither: the same render always gives the same bytes. */
export const DITHER_SEED = 0x5eed;

/** Encoded audio before tagging: the audio payload is fixed here, so its hash can go into the record. */
export interface EncodedAudio {
  readonly audioData: Buffer;
  /** The final file around the same audio payload with the given tags, as parts written one after another (the audio is not copied). */
  withTags(tags: TagSet): Buffer[];
}

/** A WAV around interleaved PCM (pcmFromFloat / measureMix). */
export function wavEncoded(pcm: Buffer, channels: number, sampleRate: number, bitDepth: 16 | 24): EncodedAudio {
  return { audioData: pcm, withTags: (tags) => wavFileParts(pcm, channels, sampleRate, bitDepth, tags) };
}

/** A FLAC of quantized samples; the payload is its frames. */
export function flacEncoded(samples: readonly Int32Array[], sampleRate: number, bitDepth: 16 | 24): EncodedAudio {
  const stream = encodeFlac(samples, sampleRate, bitDepth);
  return {
    audioData: Buffer.from(stream.frames),
    withTags: (tags) => [flacFile(stream, [{ type: VORBIS_COMMENT_BLOCK, body: vorbisCommentBlock(tags.software, vorbisComments(tags)) }])],
  };
}

/** An MP3 (encodeMp3); the payload is its music frames, not the info frame. */
export function mp3Encoded(audio: Mp3Audio): EncodedAudio {
  return { audioData: audio.frames, withTags: (tags) => [mp3File(audio, tags)] };
}
