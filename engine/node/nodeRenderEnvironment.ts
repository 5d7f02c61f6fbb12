import type { LoadAudio } from '../common/graph/PreparedAudio';
import type { RenderEnvironment } from '../common/render/renderProject';
import { createSignalsmith } from '../common/stretch/loadSignalsmith';
import { stretchChannels } from '../common/stretch/stretchChannels';
import { loadWebAudio } from './webAudio';
import { loadPffft } from './loadPffft';
import { PartitionedConvolver } from '../common/dsp/PartitionedConvolver';

/**
 * The engine's offline render in Node: node-web-audio-api's
 * OfflineAudioContext, Signalsmith Stretch called directly, and reverbs as
 * partitioned FFT convolution on PFFFT (ConvolverNode is the slowest node
 * by far). Where the audio comes from is the host's business (main reads
 * its content store's PCM cache).
 *
 * @example
 * const environment = await nodeRenderEnvironment(contentStoreAudio(PcmCache.of(store)));
 * const mix = await renderProject(document, environment);
 */
export async function nodeRenderEnvironment(load: LoadAudio): Promise<RenderEnvironment> {
  const [webAudio, pffft] = await Promise.all([loadWebAudio(), loadPffft()]);
  return {
    createConvolver: (impulse) => new PartitionedConvolver(pffft, impulse),
    createContext: (channels, frames, sampleRate) => new webAudio.OfflineAudioContext(channels, frames, sampleRate),
    load,
    stretch: async (channels, sampleRate, options) => stretchChannels(await createSignalsmith(), channels, sampleRate, options),
  };
}
