import fs from 'node:fs';
import { decodeAudio, UndecodableAudioError, type DecodedAudio } from './decodeAudio';
import { probeAudio, type AudioProbe } from './probeAudio';
import { declaredAudioLength, type DeclaredLength } from './declaredAudioLength';
import { AUDIO_LIMITS, decodeBudgetProblem, shortfallProblem } from './audioLimits';
import type { AudioContainer } from './sniffAudioFormat';
import { computePeaks, encodePeaks } from '../../shared/dsp/waveformPeaks';
import { integratedLoudness, samplePeakDb } from '../../shared/dsp/loudness';
import { computeFingerprint } from '../../shared/dsp/fingerprint/Fingerprint';
import { encodeFingerprint } from '../../shared/dsp/fingerprint/fingerprintCodec';

/** What the library keeps about a piece of audio (a stem, a take), computed once at import. */
export interface AudioAnalysis {
  readonly format: AudioContainer;
  readonly sampleRate: number;
  readonly channels: number;
  readonly frames: number;
  /** EBU R128 integrated loudness; null for a stem too short or quiet to gate. */
  readonly loudnessLufs: number | null;
  readonly peakDbfs: number;
  /** Encoded waveform peaks (shared/dsp/waveformPeaks). */
  readonly peaks: Uint8Array;
  /** Encoded landmark fingerprint (shared/dsp/fingerprint): how catalog audio is recognised inside own audio. */
  readonly fingerprint: Uint8Array;
}

/** Why audio was refused, in words (the caller adds file and field). */
export class AudioProblem extends Error {
  override readonly name = 'AudioProblem';
}

/**
 * Decodes an audio file once and measures it; refuses undecodable, empty,
 * silent or truncated audio, and audio over AUDIO_LIMITS (judged before
 * decoding). `onDecoded` receives the decoded audio of accepted files
 * (the PCM cache is written from it, so import decodes only once).
 */
export async function analyzeAudio(file: string, onDecoded?: (audio: DecodedAudio) => void): Promise<AudioAnalysis> {
  const size = fs.statSync(file).size;
  if (size === 0) throw new AudioProblem('is empty (0 bytes)');
  if (size > AUDIO_LIMITS.maxFileBytes)
    throw new AudioProblem(`is ${(size / 2 ** 30).toFixed(1)} GiB; at most ${AUDIO_LIMITS.maxFileBytes / 2 ** 30} GiB per audio file is allowed`);
  const bytes = fs.readFileSync(file);
  // Judged from the header first: a file that is cut short, or would decode to more than memory allows, is never decoded.
  const header = readHeader(bytes);
  const before = header && (header.declared.truncated ?? decodeBudgetProblem(header.probe, header.declared));
  if (before) throw new AudioProblem(before);
  let audio;
  try {
    audio = await decodeAudio(bytes);
  } catch (error) {
    if (error instanceof UndecodableAudioError) throw new AudioProblem(`is not decodable audio: ${error.message}`);
    throw error;
  }
  const short = header && shortfallProblem(header.probe, header.declared, audio.frames);
  if (short) throw new AudioProblem(short);
  if (audio.frames === 0) throw new AudioProblem('holds no audio (0 samples)');
  const loudness = integratedLoudness(audio.channels, audio.sampleRate);
  const peak = samplePeakDb(audio.channels);
  if (peak === -Infinity) throw new AudioProblem('is silent (every sample is zero)');
  onDecoded?.(audio);
  return {
    format: audio.probe.container,
    sampleRate: audio.sampleRate,
    channels: audio.channels.length,
    frames: audio.frames,
    loudnessLufs: Number.isFinite(loudness) ? Math.round(loudness * 100) / 100 : null,
    peakDbfs: Math.round(peak * 100) / 100,
    peaks: encodePeaks(computePeaks(audio.channels, audio.sampleRate)),
    fingerprint: encodeFingerprint(computeFingerprint(audio.channels, audio.sampleRate)),
  };
}

/** The probe and declared length, or null for bytes decodeAudio will refuse with its own reason. */
function readHeader(bytes: Uint8Array): { probe: AudioProbe; declared: DeclaredLength } | null {
  let probe: AudioProbe | null;
  try {
    probe = probeAudio(bytes);
  } catch {
    return null;
  }
  return probe ? { probe, declared: declaredAudioLength(bytes, probe) } : null;
}
