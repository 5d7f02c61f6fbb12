import type { DecodedChannels, LoadAudio } from '../../engine/common/graph/PreparedAudio';
import type { PcmCache } from './PcmCache';

/**
 * Audio for an offline render: a blob's PCM cache, decoded once at import,
 * at the blob's own rate (the engine resamples, band-limited, only where
 * the mix's rate differs — never a decoder). A missing or damaged cache
 * file is rebuilt from its blob first.
 *
 * @example
 * const environment = await nodeRenderEnvironment(contentStoreAudio(PcmCache.of(store)));
 */
export function contentStoreAudio(pcm: PcmCache): LoadAudio {
  return async (sha256) => {
    const audio = await pcm.read(sha256);
    const channels: DecodedChannels = [...audio.channels];
    channels.sampleRate = audio.sampleRate;
    return channels;
  };
}
