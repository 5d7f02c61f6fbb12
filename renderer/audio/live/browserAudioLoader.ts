import type { DecodedChannels, LoadAudio } from '../graph/PreparedAudio';

/**
 * Audio from the host's /media/<sha256> route, decoded at `sampleRate`
 * (Chromium resamples sources recorded at other rates while decoding).
 */
export function browserAudioLoader(sampleRate: number): LoadAudio {
  return async (sha256) => {
    // Low priority: waveform peaks (small, drawn first) must not queue behind stems' audio.
    const response = await fetch(`./media/${sha256}`, { priority: 'low' } as RequestInit);
    if (!response.ok) throw new Error(`The audio ${sha256.slice(0, 12)}… is not in this library (${response.status}).`);
    const decoder = new OfflineAudioContext(2, 1, sampleRate);
    const buffer = await decoder.decodeAudioData(await response.arrayBuffer());
    // Views into the decoded buffer (no copy); playback uses the buffer itself.
    const channels: DecodedChannels = Array.from({ length: buffer.numberOfChannels }, (_, c) => buffer.getChannelData(c));
    channels.audioBuffer = buffer;
    return channels;
  };
}
