import fs from 'node:fs';
import type { RenderEnvironment } from '../../renderer/audio/render/renderProject';
import { createSignalsmith } from '../../renderer/audio/stretch/loadSignalsmith';
import { stretchChannels } from '../../renderer/audio/stretch/stretchChannels';
import { loadWebAudio } from './webAudio';
import { probeAudio } from './probeAudio';
import { decodeWavPcm } from './decodeWavPcm';

/**
 * The engine's offline render in Node: node-web-audio-api's
 * OfflineAudioContext, audio decoded from the content store at the render
 * rate, and Signalsmith Stretch called directly.
 */
export async function nodeRenderEnvironment(pathOf: (sha256: string) => string): Promise<RenderEnvironment> {
  const webAudio = await loadWebAudio();
  return {
    createContext: (channels, frames, sampleRate) => new webAudio.OfflineAudioContext(channels, frames, sampleRate),
    async load(sha256) {
      const bytes = fs.readFileSync(pathOf(sha256));
      const probe = probeAudio(bytes);
      if (!probe) throw new Error(`audio ${sha256.slice(0, 12)}… is not decodable`);
      // PCM WAV at the render rate decodes in place (the common stem format); anything else goes through Web Audio.
      if (probe.container === 'wav' && probe.sampleRate === 48000) {
        const pcm = decodeWavPcm(bytes);
        if (pcm) return pcm.channels;
      }
      // Decoding into a 48 kHz context resamples sources recorded at other rates.
      const context = new webAudio.OfflineAudioContext(probe.channels, 1, 48000);
      const buffer = await context.decodeAudioData(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
      return Array.from({ length: buffer.numberOfChannels }, (_, c) => {
        const copy = new Float32Array(buffer.length);
        buffer.copyFromChannel(copy, c);
        return copy;
      });
    },
    stretch: async (channels, sampleRate, options) => stretchChannels(await createSignalsmith(), channels, sampleRate, options),
  };
}
