import type { RenderEnvironment } from '../../common/render/renderProject';
import { workerStretch } from '../stretch/workerStretch';
import { pcmAudioLoader } from './pcmAudioLoader';

/** renderProject in the page: Chromium's OfflineAudioContext, sources from the host's PCM cache, stretching in a worker. */
export function browserRenderEnvironment(load = pcmAudioLoader()): RenderEnvironment {
  return {
    createContext: (channels, frames, sampleRate) => new OfflineAudioContext(channels, frames, sampleRate),
    load,
    stretch: workerStretch,
  };
}
