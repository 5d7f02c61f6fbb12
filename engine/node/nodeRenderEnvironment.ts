import type { LoadAudio } from '../common/graph/PreparedAudio';
import type { RenderEnvironment } from '../common/render/renderProject';
import { createSignalsmith } from '../common/stretch/loadSignalsmith';
import { stretchChannels } from '../common/stretch/stretchChannels';
import { loadWebAudio } from './webAudio';

/**
 * The engine's offline render in Node: node-web-audio-api's
 * OfflineAudioContext and Signalsmith Stretch called directly. Where the
 * audio comes from is the host's business (main reads its content store).
 *
 * @example
 * const environment = await nodeRenderEnvironment(contentStoreAudio(PcmCache.of(store)));
 * const mix = await renderProject(document, environment);
 */
export async function nodeRenderEnvironment(load: LoadAudio): Promise<RenderEnvironment> {
  const webAudio = await loadWebAudio();
  return {
    createContext: (channels, frames, sampleRate) => new webAudio.OfflineAudioContext(channels, frames, sampleRate),
    load,
    stretch: async (channels, sampleRate, options) => stretchChannels(await createSignalsmith(), channels, sampleRate, options),
  };
}
