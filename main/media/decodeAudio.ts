import { loadWebAudio } from '../../engine/node/webAudio';
import { probeAudio, type AudioProbe } from './probeAudio';
import { decodeWavPcm } from './decodeWavPcm';

/** Decoded audio at its native rate: one Float32Array per channel. */
export interface DecodedAudio {
  readonly probe: AudioProbe;
  readonly sampleRate: number;
  readonly channels: readonly Float32Array[];
  readonly frames: number;
}

/** Thrown for bytes that are not audio we can decode; the message says why. */
export class UndecodableAudioError extends Error {
  override readonly name = 'UndecodableAudioError';
}

/** Decodes WAV, FLAC, Ogg Vorbis or MP3 bytes without resampling. */
export async function decodeAudio(bytes: Uint8Array): Promise<DecodedAudio> {
  let probe: AudioProbe | null;
  try {
    probe = probeAudio(bytes);
  } catch (error) {
    throw new UndecodableAudioError((error as Error).message);
  }
  if (!probe) throw new UndecodableAudioError('not a WAV, FLAC, Ogg Vorbis or MP3 file');
  if (probe.sampleRate < 8000 || probe.sampleRate > 384_000 || probe.channels < 1 || probe.channels > 8) {
    throw new UndecodableAudioError(`implausible header (${probe.sampleRate} Hz, ${probe.channels} channels)`);
  }
  if (probe.container === 'wav') {
    const pcm = decodeWavPcm(bytes);
    if (pcm) return { probe, sampleRate: pcm.sampleRate, channels: pcm.channels, frames: pcm.channels[0]!.length };
  }
  const { OfflineAudioContext } = await loadWebAudio();
  const context = new OfflineAudioContext(probe.channels, 1, probe.sampleRate);
  let buffer: AudioBuffer;
  try {
    const copy = bytes.slice().buffer;
    buffer = await context.decodeAudioData(copy);
  } catch (error) {
    throw new UndecodableAudioError(`the audio data cannot be decoded (${(error as Error).message})`);
  }
  // Copy out of the native AudioBuffer: its memory goes when the buffer is collected, and a view into
  // it outliving the buffer crashes the process.
  const channels = Array.from({ length: buffer.numberOfChannels }, (_, c) => {
    const copy = new Float32Array(buffer.length);
    buffer.copyFromChannel(copy, c);
    return copy;
  });
  return { probe, sampleRate: buffer.sampleRate, channels, frames: buffer.length };
}
