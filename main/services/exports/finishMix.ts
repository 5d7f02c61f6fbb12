import type { AttributionRecord } from '../../../shared/rights/attributionRecord';
import { LOUDNESS_TOLERANCE_LU, normalizeLoudness, type Normalized } from '../../../engine/common/dsp/normalizeLoudness';
import { decodeAudio } from '../../media/decodeAudio';
import { encodeMp3, type Mp3Audio } from '../../media/encode/encodeMp3';
import { quantize } from '../../media/encode/quantize';
import { measureMix, type MixMeasurement } from '../../media/measure/measureMix';
import { DITHER_SEED, flacParts, mp3Parts, wavParts, type EncodedParts, type ExportFormat } from './encodeExport';

/**
 * The rate an export renders at: the asked one, except that MP3 (MPEG-1
 * Layer III) has no 88.2 or 96 kHz — those render at half, through the
 * engine's band-limited resampler, rather than inside LAME (whose own
 * resampler would also shift the gapless numbers).
 */
export function exportSampleRate(format: ExportFormat, rate: number): number {
  return format === 'mp3' && rate > 48000 ? rate / 2 : rate;
}

/** The true-peak ceiling loudness normalisation keeps (dBTP), as streaming services ask. */
export const TRUE_PEAK_CEILING_DBTP = -1;

export interface FinishOptions {
  readonly format: ExportFormat;
  readonly bitDepth: 16 | 24;
  /** Integrated loudness target, LUFS; null leaves the mix as rendered. */
  readonly normalizeLufs: number | null;
}

export interface FinishedMix {
  /** The encoded audio, as plain data that crosses threads (encodedFromParts builds the file). */
  readonly parts: EncodedParts;
  readonly loudness: AttributionRecord['output']['loudness'];
  /** Waveform peaks of the mix. */
  readonly peaks: Uint8Array;
  /** What the creator must know: a loudness target that could not be reached, a ceiling an encoder broke. */
  readonly notes: string[];
}

const round = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);

/** Decodes an MP3 back (as a player would) and measures what it plays. */
async function measureMp3(audio: Mp3Audio): Promise<MixMeasurement> {
  const decoded = await decodeAudio(Buffer.concat([audio.infoFrame, audio.frames]));
  return measureMix([...decoded.channels], decoded.sampleRate);
}

/**
 * From the rendered mix to the encoded audio and the numbers the record
 * states about it: optional loudness normalisation (honest: when the
 * true-peak ceiling holds a loud target back, the record says what was
 * reached and a note says why), encoding, and loudness and true peak of
 * what the file plays. WAV and FLAC hold the mix's samples rounded to 24
 * bits or dithered to 16 (their true peak equals the mix's to well under
 * 0.01 dB, so the mix is measured — on two threads — while the PCM is
 * written); an MP3 is decoded back and measured, and when normalising,
 * re-limited and re-encoded until its decoded true peak respects the
 * ceiling. In place on `channels`.
 *
 * @example
 * const { parts, loudness, notes } = await finishMix(mix.channels, mix.sampleRate, { format: 'mp3', bitDepth: 24, normalizeLufs: -14 });
 */
export async function finishMix(
  channels: Float32Array[],
  sampleRate: number,
  options: FinishOptions,
  progress: (label: string) => void = () => {},
): Promise<FinishedMix> {
  const target = options.normalizeLufs;
  const ceiling = TRUE_PEAK_CEILING_DBTP;
  const unnormalized = target !== null && options.format === 'mp3' ? channels.map((c) => c.slice()) : null;
  // 16-bit dither can add ~0.001 dB of true peak: aim that much lower.
  const margin = options.format !== 'mp3' && options.bitDepth === 16 ? 0.01 : 0;
  let normalized: Normalized | null = null;
  if (target !== null) {
    progress('Normalising loudness');
    normalized = normalizeLoudness(channels, sampleRate, target, ceiling - margin);
  }
  progress('Encoding');
  let parts: EncodedParts;
  let measured: MixMeasurement;
  let peaks: Uint8Array;
  const notes: string[] = [];
  if (options.format === 'wav') {
    measured = await measureMix(channels, sampleRate, { bitDepth: options.bitDepth, seed: DITHER_SEED });
    parts = wavParts(measured.pcm!, channels.length, sampleRate, options.bitDepth);
    peaks = measured.peaks;
  } else if (options.format === 'flac') {
    measured = await measureMix(channels, sampleRate);
    parts = flacParts(quantize(channels, options.bitDepth, DITHER_SEED), sampleRate, options.bitDepth);
    peaks = measured.peaks;
  } else {
    peaks = (await measureMix(channels, sampleRate)).peaks;
    let audio = await encodeMp3(channels, sampleRate);
    progress('Measuring the encoded file');
    measured = await measureMp3(audio);
    // The encoder's own overshoot: lower the limiter by it and encode again (a few times at most).
    for (
      let attempt = 0, extra = 0;
      unnormalized && target !== null && measured.truePeakDbtp !== null && measured.truePeakDbtp > ceiling + 0.005 && attempt < 3;
      attempt++
    ) {
      extra += measured.truePeakDbtp - ceiling + 0.05;
      unnormalized.forEach((c, i) => channels[i]!.set(c));
      normalized = normalizeLoudness(channels, sampleRate, target, ceiling - extra);
      peaks = (await measureMix(channels, sampleRate)).peaks;
      audio = await encodeMp3(channels, sampleRate);
      measured = await measureMp3(audio);
    }
    parts = mp3Parts(audio);
    if (target !== null && measured.truePeakDbtp !== null && measured.truePeakDbtp > ceiling + 0.005) {
      notes.push(`The decoded MP3 peaks at ${measured.truePeakDbtp.toFixed(2)} dBTP, above the ${ceiling} dBTP ceiling, even after limiting harder.`);
    }
  }
  const reached = target !== null && measured.integratedLufs !== null && Math.abs(measured.integratedLufs - target) <= LOUDNESS_TOLERANCE_LU;
  if (target !== null && !reached) {
    notes.push(
      measured.integratedLufs === null
        ? `The loudness target ${target} LUFS cannot be reached: the mix is silent.`
        : `The loudness target ${target} LUFS could not be reached under the ${ceiling} dBTP true-peak ceiling: the export measures ${measured.integratedLufs.toFixed(1)} LUFS${normalized && !normalized.reached ? ' (more gain would only be limited away)' : ''}.`,
    );
  }
  return {
    parts,
    peaks,
    notes,
    loudness: {
      integratedLufs: round(measured.integratedLufs),
      truePeakDbtp: round(measured.truePeakDbtp),
      normalizedTo: target,
      ...(target !== null ? { targetReached: reached, ceilingDbtp: ceiling } : {}),
    },
  };
}
