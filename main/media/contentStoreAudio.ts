import fs from 'node:fs';
import type { LoadAudio } from '../../engine/common/graph/PreparedAudio';
import { loadWebAudio } from '../../engine/node/webAudio';
import { probeAudio } from './probeAudio';
import { decodeWavPcm } from './decodeWavPcm';

/**
 * Audio for an offline render, read from the content store and decoded at
 * the render rate.
 */
export function contentStoreAudio(pathOf: (sha256: string) => string): LoadAudio {
  return async (sha256) => {
    const webAudio = await loadWebAudio();
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
  };
}
