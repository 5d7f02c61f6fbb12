import type { RenderEnvironment } from '../../common/render/renderProject';
import { workerStretch } from '../stretch/workerStretch';
import { browserAudioLoader } from './browserAudioLoader';

/** renderProject in the page: Chromium's OfflineAudioContext, media from the host, stretching in a worker. */
export function browserRenderEnvironment(load = browserAudioLoader(48000)): RenderEnvironment {
  return {
    createContext: (channels, frames, sampleRate) => new OfflineAudioContext(channels, frames, sampleRate),
    load,
    stretch: workerStretch,
  };
}
