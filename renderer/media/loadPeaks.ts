import { decodePeaks, type WaveformPeaks } from '../../shared/dsp/waveformPeaks';

const cache = new Map<string, Promise<WaveformPeaks>>();

/** Cached waveform peaks of an audio blob, from the host's /peaks/<sha256> route (never the audio itself). */
export function loadPeaks(sha256: string): Promise<WaveformPeaks> {
  let pending = cache.get(sha256);
  if (!pending) {
    pending = fetch(`./peaks/${sha256}`, { priority: 'high' } as RequestInit).then(async (response) => {
      if (!response.ok) throw new Error(`No waveform for ${sha256.slice(0, 12)}… (${response.status})`);
      return decodePeaks(new Uint8Array(await response.arrayBuffer()));
    });
    pending.catch(() => cache.delete(sha256));
    cache.set(sha256, pending);
  }
  return pending;
}
