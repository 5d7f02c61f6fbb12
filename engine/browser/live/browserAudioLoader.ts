import type { DecodedChannels, LoadAudio } from '../../common/graph/PreparedAudio';
import { limitConcurrency } from './limitConcurrency';

/**
 * Stems fetched and decoded at once. Chromium opens six connections per
 * host; keeping stems to three leaves room for the waveform peaks and the
 * contract, and keeps fewer undecoded files in memory at a time.
 */
const PARALLEL_STEMS = 3;

/**
 * Audio from the host's /media/<sha256> route, decoded at `sampleRate`
 * (Chromium resamples sources recorded at other rates while decoding).
 */
export function browserAudioLoader(sampleRate: number): LoadAudio {
  return limitConcurrency(PARALLEL_STEMS, async (sha256: string) => {
    // Low priority: waveform peaks (small, drawn first) must not queue behind stems' audio.
    const response = await fetch(`./media/${sha256}`, { priority: 'low' } as RequestInit);
    if (!response.ok) throw new Error(`The audio ${sha256.slice(0, 12)}… is not in this library (${response.status}).`);
    const decoder = new OfflineAudioContext(2, 1, sampleRate);
    const buffer = await decoder.decodeAudioData(await response.arrayBuffer());
    // Views into the decoded buffer (no copy); playback uses the buffer itself.
    const channels: DecodedChannels = Array.from({ length: buffer.numberOfChannels }, (_, c) => buffer.getChannelData(c));
    channels.audioBuffer = buffer;
    channels.sampleRate = buffer.sampleRate;
    return channels;
  });
}
