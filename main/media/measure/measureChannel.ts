import { blockEnergies } from '../../../shared/dsp/loudness';
import { truePeakDb } from '../../../shared/dsp/truePeak';
import { computePeaks } from '../../../shared/dsp/waveformPeaks';
import { writePcmLane, type PcmLane } from '../encode/pcmFromFloat';

/** What one channel of a mix contributes to the export's numbers. */
export interface ChannelMeasurement {
  /** True peak of this channel, dBTP (−Infinity for silence). */
  readonly truePeakDb: number;
  /** K-weighted 400 ms block energies (add the channels', then gate). */
  readonly energies: Float64Array;
  /** Waveform min/max per bucket (merge the channels': min of minima, max of maxima). */
  readonly peaks: Int16Array;
}

/**
 * Everything an export computes from one channel of its mix, in one call
 * that a worker thread can run for another channel at the same time: its
 * lane of the WAV data (when `lane` is given), its true peak, its loudness
 * block energies and its waveform peaks.
 *
 * @example
 * const left = measureChannel(mix.channels[0], 48000, { out: pcm, index: 0, channelCount: 2, bitDepth: 24, seed });
 */
export function measureChannel(channel: Float32Array, sampleRate: number, lane?: PcmLane): ChannelMeasurement {
  if (lane) writePcmLane(channel, lane);
  return {
    truePeakDb: truePeakDb([channel]),
    energies: blockEnergies([channel], sampleRate),
    peaks: computePeaks([channel], sampleRate).minMax,
  };
}
