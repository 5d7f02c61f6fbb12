import type { AudioProbe } from './probeAudio';
import type { DeclaredLength } from './declaredAudioLength';

/**
 * What one imported audio file may cost to decode, judged from its header
 * before a sample is decoded (a few hundred KB of FLAC silence can declare
 * hours; a header can claim 64 channels). Documented in
 * docs/catalog-package.md ("Audio limits").
 */
export const AUDIO_LIMITS = {
  /** Bytes of one file (it is read whole). */
  maxFileBytes: 2 * 2 ** 30,
  maxChannels: 8,
  maxDurationSec: 30 * 60,
  /** Decoded samples over all channels: 2^28 is 1 GiB as 32-bit float. */
  maxDecodedSamples: 2 ** 28,
  /** A decoded length may fall short of the declared one by this many frames (MP3 encoder delay and padding) before the file counts as truncated. */
  shortfallToleranceFrames: 4608,
} as const;

/** Why decoding this file is refused before it starts, or null. */
export function decodeBudgetProblem(probe: AudioProbe, declared: DeclaredLength): string | null {
  if (probe.channels > AUDIO_LIMITS.maxChannels) return `has ${probe.channels} channels; at most ${AUDIO_LIMITS.maxChannels} are allowed`;
  if (declared.frames === null) {
    return probe.container === 'flac'
      ? 'does not declare its length (STREAMINFO total samples is 0, as a stream encoder leaves it); re-encode it with flac'
      : 'does not declare its length; re-encode it';
  }
  const seconds = declared.frames / probe.sampleRate;
  if (seconds > AUDIO_LIMITS.maxDurationSec)
    return `declares ${formatMinutes(seconds)} of audio; at most ${AUDIO_LIMITS.maxDurationSec / 60} minutes are allowed per file`;
  if (declared.frames * probe.channels > AUDIO_LIMITS.maxDecodedSamples) {
    return `would decode to ${Math.ceil((declared.frames * probe.channels * 4) / 2 ** 20)} MiB; at most ${(AUDIO_LIMITS.maxDecodedSamples * 4) / 2 ** 30} GiB per file is allowed`;
  }
  return null;
}

/** Why a decoded length shows the file is cut short, or null. */
export function shortfallProblem(probe: AudioProbe, declared: DeclaredLength, decodedFrames: number): string | null {
  if (declared.frames === null || decodedFrames >= declared.frames - AUDIO_LIMITS.shortfallToleranceFrames) return null;
  const rate = probe.sampleRate;
  return `is truncated: it decodes to ${(decodedFrames / rate).toFixed(2)} s of the ${(declared.frames / rate).toFixed(2)} s its header declares`;
}

function formatMinutes(seconds: number): string {
  return seconds >= 3600 ? `${(seconds / 3600).toFixed(1)} hours` : `${(seconds / 60).toFixed(1)} minutes`;
}
