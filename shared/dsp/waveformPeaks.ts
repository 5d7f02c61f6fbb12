/**
 * Cached waveform peaks: for each bucket of `samplesPerBucket` frames, the
 * minimum and maximum sample over all channels, as 16-bit integers. This is
 * what waveforms are drawn from (never the audio), and the binary form the
 * hosts serve at /peaks/<sha256>.
 *
 * Layout (little-endian): "SRPK" · u32 sampleRate · u32 samplesPerBucket ·
 * u32 buckets · i16 min,max × buckets.
 */
export interface WaveformPeaks {
  readonly sampleRate: number;
  readonly samplesPerBucket: number;
  /** min0, max0, min1, max1, … in −32767…32767. */
  readonly minMax: Int16Array;
}

const HEADER = 16;
const MAGIC = 0x4b505253; // "SRPK" read as little-endian u32

/** Default resolution: 10 ms buckets at 48 kHz — sharp at every zoom above sample level. */
export function samplesPerBucketFor(sampleRate: number): number {
  return Math.max(1, Math.round(sampleRate / 100));
}

export function computePeaks(channels: readonly Float32Array[], sampleRate: number, samplesPerBucket = samplesPerBucketFor(sampleRate)): WaveformPeaks {
  const frames = channels[0]?.length ?? 0;
  const buckets = Math.ceil(frames / samplesPerBucket);
  const minMax = new Int16Array(buckets * 2);
  for (let b = 0; b < buckets; b++) {
    const start = b * samplesPerBucket;
    const end = Math.min(frames, start + samplesPerBucket);
    let min = 0;
    let max = 0;
    for (const channel of channels) {
      for (let i = start; i < end; i++) {
        const v = channel[i]!;
        if (v < min) min = v;
        else if (v > max) max = v;
      }
    }
    minMax[b * 2] = Math.round(Math.max(-1, min) * 32767);
    minMax[b * 2 + 1] = Math.round(Math.min(1, max) * 32767);
  }
  return { sampleRate, samplesPerBucket, minMax };
}

export function encodePeaks(peaks: WaveformPeaks): Uint8Array {
  const bytes = new Uint8Array(HEADER + peaks.minMax.length * 2);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, peaks.sampleRate, true);
  view.setUint32(8, peaks.samplesPerBucket, true);
  view.setUint32(12, peaks.minMax.length / 2, true);
  for (let i = 0; i < peaks.minMax.length; i++) view.setInt16(HEADER + i * 2, peaks.minMax[i]!, true);
  return bytes;
}

export function decodePeaks(bytes: Uint8Array): WaveformPeaks {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < HEADER || view.getUint32(0, true) !== MAGIC) throw new Error('not a Stemroom peaks file');
  const buckets = view.getUint32(12, true);
  if (bytes.length !== HEADER + buckets * 4) throw new Error('truncated peaks file');
  const minMax = new Int16Array(buckets * 2);
  for (let i = 0; i < minMax.length; i++) minMax[i] = view.getInt16(HEADER + i * 2, true);
  return { sampleRate: view.getUint32(4, true), samplesPerBucket: view.getUint32(8, true), minMax };
}

/**
 * Reduces peaks to `count` values in −1…1 for a view of [startSec, endSec):
 * each value is the larger magnitude of its span's min and max, signed so
 * a waveform renderer can draw it (what wavesurfer's `peaks` option takes).
 */
export function peaksForView(peaks: WaveformPeaks, startSec: number, endSec: number, count: number): Float32Array {
  const out = new Float32Array(Math.max(0, count));
  const bucketsPerSecond = peaks.sampleRate / peaks.samplesPerBucket;
  const total = peaks.minMax.length / 2;
  for (let i = 0; i < count; i++) {
    const from = Math.floor((startSec + ((endSec - startSec) * i) / count) * bucketsPerSecond);
    const to = Math.max(from + 1, Math.floor((startSec + ((endSec - startSec) * (i + 1)) / count) * bucketsPerSecond));
    let peak = 0;
    for (let b = Math.max(0, from); b < Math.min(total, to); b++) {
      const min = peaks.minMax[b * 2]!;
      const max = peaks.minMax[b * 2 + 1]!;
      if (-min > Math.abs(peak)) peak = min;
      if (max > Math.abs(peak)) peak = max;
    }
    out[i] = peak / 32767;
  }
  return out;
}
