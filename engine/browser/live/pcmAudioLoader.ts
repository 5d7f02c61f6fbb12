import type { DecodedChannels, LoadAudio } from '../../common/graph/PreparedAudio';
import { decodePcmHeader, deinterleave, PCM_HEADER_BYTES } from '../../common/pcm/pcmCacheFormat';

/**
 * Whole sources from the host's PCM cache (`/pcm/<sha256>`), for offline
 * work in the page (a render, a peer benchmark): no codec runs, and the
 * samples are the cache's own, at the source's rate (a renderer resamples
 * them with the band-limited resampler where its rate differs).
 *
 * @example
 * const channels = await pcmAudioLoader()(sha256);
 */
export function pcmAudioLoader(): LoadAudio {
  return async (sha256: string) => {
    const response = await fetch(`./pcm/${sha256}`);
    if (!response.ok) throw new Error(`The audio ${sha256.slice(0, 12)}… is not in this library (${response.status}).`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const header = decodePcmHeader(bytes, bytes.length);
    if (typeof header === 'string') throw new Error(`The audio ${sha256.slice(0, 12)}… has an unusable PCM cache (${header}).`);
    const channels: DecodedChannels = deinterleave(new Float32Array(bytes.buffer, PCM_HEADER_BYTES), header.channels);
    channels.sampleRate = header.sampleRate;
    return channels;
  };
}
