import fs from 'node:fs';
import type { DecodedChannels, LoadAudio } from '../../engine/common/graph/PreparedAudio';
import { decodeAudio } from './decodeAudio';

/**
 * Audio for an offline render, read from the content store and decoded at
 * its own rate (the engine resamples, band-limited, only where the mix's
 * rate differs — never the decoder, whose resampling is linear).
 */
export function contentStoreAudio(pathOf: (sha256: string) => string): LoadAudio {
  return async (sha256) => {
    const decoded = await decodeAudio(fs.readFileSync(pathOf(sha256)));
    const channels: DecodedChannels = [...decoded.channels];
    channels.sampleRate = decoded.sampleRate;
    return channels;
  };
}
