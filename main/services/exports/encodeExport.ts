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

/** The encoded audio as plain data (what the export's audio worker hands back): enough to build the file with any tags. */
export type EncodedParts =
  | { readonly format: 'mp3'; readonly infoFrame: Uint8Array; readonly frames: Uint8Array }
  | { readonly format: 'wav'; readonly pcm: Uint8Array; readonly channels: number; readonly sampleRate: number; readonly bitDepth: 16 | 24 }
  | { readonly format: 'flac'; readonly streamInfo: Uint8Array; readonly frames: Uint8Array };

/** A WAV around interleaved PCM (pcmFromFloat / measureMix). */
export function wavParts(pcm: Buffer, channels: number, sampleRate: number, bitDepth: 16 | 24): EncodedParts {
  return { format: 'wav', pcm, channels, sampleRate, bitDepth };
}

/** A FLAC of quantized samples; the payload is its frames. */
export function flacParts(samples: readonly Int32Array[], sampleRate: number, bitDepth: 16 | 24): EncodedParts {
  const stream = encodeFlac(samples, sampleRate, bitDepth);
  return { format: 'flac', streamInfo: stream.streamInfo, frames: stream.frames };
}

/** An MP3 (encodeMp3); the payload is its music frames, not the info frame. */
export function mp3Parts(audio: Mp3Audio): EncodedParts {
  return { format: 'mp3', infoFrame: audio.infoFrame, frames: audio.frames };
}

/** A Buffer over the same bytes (no copy). */
function view(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The encoded audio from its parts: its payload (what the record hashes), and the file around it for given tags. */
export function encodedFromParts(parts: EncodedParts): EncodedAudio {
  if (parts.format === 'mp3') {
    const audio: Mp3Audio = { infoFrame: view(parts.infoFrame), frames: view(parts.frames) };
    return { audioData: audio.frames, withTags: (tags) => [mp3File(audio, tags)] };
  }
  if (parts.format === 'wav') {
    const pcm = view(parts.pcm);
    return { audioData: pcm, withTags: (tags) => wavFileParts(pcm, parts.channels, parts.sampleRate, parts.bitDepth, tags) };
  }
  return {
    audioData: view(parts.frames),
    withTags: (tags) => [flacFile(parts, [{ type: VORBIS_COMMENT_BLOCK, body: vorbisCommentBlock(tags.software, vorbisComments(tags)) }])],
  };
}
