import type { LoadAudio } from '../common/graph/PreparedAudio';
import type { RenderEnvironment } from '../common/render/renderProject';
import { createSignalsmith } from '../common/stretch/loadSignalsmith';
import { stretchChannels } from '../common/stretch/stretchChannels';
import { loadWebAudio } from './webAudio';
import { TrackStagesPool } from './TrackStagesPool';

/**
 * The engine's offline render in Node: node-web-audio-api's
 * OfflineAudioContext for clips and graph-only effects, each track's EQs,
 * filters, reverbs (partitioned FFT convolution on PFFFT), fader and pan
 * as block DSP on worker threads (TrackStagesPool), Signalsmith Stretch
 * called directly. Where the audio comes from is the host's business (main
 * reads its content store's PCM cache).
 *
 * @example
 * const environment = await nodeRenderEnvironment(contentStoreAudio(PcmCache.of(store)));
 * const mix = await renderProject(document, environment);
 */
export async function nodeRenderEnvironment(load: LoadAudio): Promise<RenderEnvironment> {
  const webAudio = await loadWebAudio();
  return {
    runTrackStages: TrackStagesPool.shared().run,
    createContext: (channels, frames, sampleRate) => new webAudio.OfflineAudioContext(channels, frames, sampleRate),
    load,
    stretch: async (channels, sampleRate, options) => stretchChannels(await createSignalsmith(), channels, sampleRate, options),
  };
}
