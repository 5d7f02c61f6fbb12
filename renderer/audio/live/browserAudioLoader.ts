import type { LoadAudio } from '../graph/PreparedAudio';

/**
 * Audio from the host's /media/<sha256> route, decoded at `sampleRate`
 * (Chromium resamples sources recorded at other rates while decoding).
 */
export function browserAudioLoader(sampleRate: number): LoadAudio {
  return async (sha256) => {
    const response = await fetch(`./media/${sha256}`);
    if (!response.ok) throw new Error(`The audio ${sha256.slice(0, 12)}… is not in this library (${response.status}).`);
    const decoder = new OfflineAudioContext(2, 1, sampleRate);
    const buffer = await decoder.decodeAudioData(await response.arrayBuffer());
    return Array.from({ length: buffer.numberOfChannels }, (_, c) => buffer.getChannelData(c).slice());
  };
}
