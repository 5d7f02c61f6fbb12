import fs from 'node:fs';
import { decodeAudio, UndecodableAudioError } from '../../media/decodeAudio';
import type { AudioContainer } from '../../media/sniffAudioFormat';
import { computePeaks, encodePeaks } from '../../../shared/dsp/waveformPeaks';
import { integratedLoudness, samplePeakDb } from '../../../shared/dsp/loudness';

/** What the library keeps about a stem's audio, computed once at import. */
export interface StemAnalysis {
  readonly format: AudioContainer;
  readonly sampleRate: number;
  readonly channels: number;
  readonly frames: number;
  /** EBU R128 integrated loudness; null for a stem too short or quiet to gate. */
  readonly loudnessLufs: number | null;
  readonly peakDbfs: number;
  /** Encoded waveform peaks (shared/dsp/waveformPeaks). */
  readonly peaks: Uint8Array;
}

/** Why a stem was refused, in words (the caller adds file and field). */
export class StemProblem extends Error {
  override readonly name = 'StemProblem';
}

/** Decodes a stem file once and measures it; refuses undecodable or empty audio. */
export async function analyzeStem(file: string): Promise<StemAnalysis> {
  if (fs.statSync(file).size === 0) throw new StemProblem('is empty (0 bytes)');
  let audio;
  try {
    audio = await decodeAudio(fs.readFileSync(file));
  } catch (error) {
    if (error instanceof UndecodableAudioError) throw new StemProblem(`is not decodable audio: ${error.message}`);
    throw error;
  }
  if (audio.frames === 0) throw new StemProblem('holds no audio (0 samples)');
  const loudness = integratedLoudness(audio.channels, audio.sampleRate);
  const peak = samplePeakDb(audio.channels);
  if (peak === -Infinity) throw new StemProblem('is silent (every sample is zero)');
  return {
    format: audio.probe.container,
    sampleRate: audio.sampleRate,
    channels: audio.channels.length,
    frames: audio.frames,
    loudnessLufs: Number.isFinite(loudness) ? Math.round(loudness * 100) / 100 : null,
    peakDbfs: Math.round(peak * 100) / 100,
    peaks: encodePeaks(computePeaks(audio.channels, audio.sampleRate)),
  };
}
