import type { LiveCapture } from '../../../renderer/places/studio/captureLive';
import { quantize } from '../../../main/media/encode/quantize';
import { octaveBandFrames } from './octaveBandFrames';

/** A live capture and the export over the same timeline span, frame for frame (by the known position). */
export interface AlignedSection {
  readonly live: Float32Array[];
  readonly exported: Float32Array[];
}

/** How a live section nulls against the export. */
export interface SectionNull {
  /** Cross-correlation's best lag against the position-based alignment (0: the known position is right). */
  readonly lagFrames: number;
  /** The export's level over the section (dBFS RMS). */
  readonly signalDb: number;
  /** Residual energy relative to the export's, whole section (dB). */
  readonly residualDb: number;
  /** The same from 250 ms in (the stretcher's and limiter's settling excluded). */
  readonly settledResidualDb: number;
  /** The largest residual sample (dBFS). */
  readonly peakDb: number;
  /** Residual relative to the signal per 500 ms (dB): where the difference lives. */
  readonly perHalfSecondDb: number[];
  /** Samples that differ once the live capture is rounded to 24 bits as the WAV encoder rounds the export (0: bit-exact). */
  readonly differing24BitSamples: number;
  /** Largest difference of a band's level over the whole section, octave bands 44 Hz–22 kHz (dB). */
  readonly bandLevelDiffDb: number;
  /** Mean difference of band levels per 85 ms frame (dB), bands within 60 dB of the loudest. */
  readonly shortTimeBandDiffDb: number;
}

const decode = (text: string) => {
  const bytes = Buffer.from(text, 'base64');
  return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
};

/**
 * Lines up `seconds` of a live capture with the export: live frame i is
 * the context frame where the transport played `fromSeconds` plus `delay`
 * (the live limiter's lookahead) plus i; the export's frame i is
 * `fromSeconds` plus i.
 */
export function alignCapture(live: LiveCapture, delay: number, exported: readonly Float32Array[], seconds: number): AlignedSection {
  const frames = Math.round(seconds * live.sampleRate);
  const liveStart = live.playFrame + delay - live.startFrame;
  const exportStart = Math.round(live.fromSeconds * live.sampleRate);
  const channels = live.channels.map(decode);
  if (liveStart < 0 || liveStart + frames > channels[0]!.length)
    throw new Error(`the capture (${channels[0]!.length} frames from ${live.startFrame}) does not cover the section (${liveStart}…${liveStart + frames})`);
  return {
    live: channels.map((c) => c.slice(liveStart, liveStart + frames)),
    exported: exported.map((c) => {
      const out = new Float32Array(frames);
      out.set(c.subarray(exportStart, exportStart + frames));
      return out;
    }),
  };
}

/** Best lag of `b` against `a` (within ±maxLag frames) by normalised cross-correlation of their mono sums over one second from 0.5 s. */
export function bestLag(a: readonly Float32Array[], b: readonly Float32Array[], sampleRate: number, maxLag = 512): number {
  const mono = (channels: readonly Float32Array[]) => channels[0]!.map((_, i) => channels.reduce((s, c) => s + c[i]!, 0));
  const x = mono(a);
  const y = mono(b);
  const from = Math.round(0.5 * sampleRate);
  const to = Math.min(from + sampleRate, x.length - maxLag);
  let best = 0;
  let bestScore = -Infinity;
  for (let lag = -maxLag; lag <= maxLag; lag++) {
    let sum = 0;
    let energy = 0;
    for (let i = from; i < to; i++) {
      const v = y[i + lag]!;
      sum += x[i]! * v;
      energy += v * v;
    }
    const score = sum / Math.sqrt(energy || 1);
    if (score > bestScore) [best, bestScore] = [lag, score];
  }
  return best;
}

function energy(channels: readonly Float32Array[], from: number, to: number, minus?: readonly Float32Array[]): number {
  let sum = 0;
  channels.forEach((c, k) => {
    for (let i = from; i < to; i++) {
      const v = c[i]! - (minus ? minus[k]![i]! : 0);
      sum += v * v;
    }
  });
  return sum;
}

const db = (ratio: number) => Math.round(10 * Math.log10(ratio || 1e-30) * 10) / 10;

/** The residual between the aligned live capture and the export. */
export function nullSection({ live, exported }: AlignedSection, sampleRate: number): SectionNull {
  const frames = exported[0]!.length;
  const signal = energy(exported, 0, frames);
  const settle = Math.round(0.25 * sampleRate);
  const half = Math.round(0.5 * sampleRate);
  let peak = 0;
  live.forEach((c, k) => c.forEach((v, i) => (peak = Math.max(peak, Math.abs(v - exported[k]![i]!)))));
  const perHalfSecondDb: number[] = [];
  for (let from = 0; from + half <= frames; from += half)
    perHalfSecondDb.push(db(energy(live, from, from + half, exported) / energy(exported, from, from + half)));
  return {
    lagFrames: bestLag(exported, live, sampleRate),
    signalDb: db(signal / (frames * exported.length)),
    residualDb: db(energy(live, 0, frames, exported) / signal),
    settledResidualDb: db(energy(live, settle, frames, exported) / energy(exported, settle, frames)),
    peakDb: Math.round(20 * Math.log10(peak || 1e-15) * 10) / 10,
    perHalfSecondDb,
    differing24BitSamples: differing24Bit(live, exported),
    ...bandDifferences(live, exported, sampleRate),
  };
}

/** Rounds the live capture to 24 bits (the encoder's rounding) and counts samples unequal to the export's decoded integers. */
function differing24Bit(live: readonly Float32Array[], exported: readonly Float32Array[]): number {
  const ints = quantize(live, 24);
  let differing = 0;
  ints.forEach((c, k) => c.forEach((v, i) => (differing += v === Math.round(exported[k]![i]! * 8388608) ? 0 : 1)));
  return differing;
}

function bandDifferences(
  live: readonly Float32Array[],
  exported: readonly Float32Array[],
  sampleRate: number,
): { bandLevelDiffDb: number; shortTimeBandDiffDb: number } {
  const a = octaveBandFrames(live, sampleRate);
  const b = octaveBandFrames(exported, sampleRate);
  const bands = b[0]?.length ?? 0;
  let bandLevelDiffDb = 0;
  for (let k = 0; k < bands; k++) {
    const ratio = a.reduce((n, f) => n + f[k]!, 0) / b.reduce((n, f) => n + f[k]!, 0);
    bandLevelDiffDb = Math.max(bandLevelDiffDb, Math.abs(10 * Math.log10(ratio || 1e-30)));
  }
  const loudest = Math.max(...b.flat());
  let sum = 0;
  let count = 0;
  b.forEach((frame, i) =>
    frame.forEach((energy, k) => {
      if (energy <= loudest * 1e-6) return;
      sum += Math.abs(10 * Math.log10((a[i]![k]! + 1e-20) / (energy + 1e-20)));
      count++;
    }),
  );
  return { bandLevelDiffDb: Math.round(bandLevelDiffDb * 100) / 100, shortTimeBandDiffDb: Math.round((sum / Math.max(1, count)) * 100) / 100 };
}
