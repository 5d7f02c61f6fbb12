import { Resampler } from '../../../common/dsp/Resampler';
import type { PcmSource } from './PcmSource';

/** Frames of a source at the engine's rate: its PCM cache as it is, or resampled on the fly. */
export interface SourceFrames {
  readonly channels: number;
  /** Whether frames [from, to) can be read now; starts loading what is missing. */
  ensure(from: number, to: number): boolean;
  read(from: number, count: number, into: readonly Float32Array[]): void;
}

/** A source whose cache is at the engine's rate. */
export function directFrames(source: PcmSource): SourceFrames {
  return {
    channels: source.header.channels,
    ensure: (from, to) => source.ensure(from, to),
    read: (from, count, into) => source.read(from, count, into),
  };
}

/**
 * A source at another rate than the engine's, brought to it piece by piece
 * by the same band-limited resampler the offline render runs over whole
 * sources — the same samples (Resampler.processSpan).
 *
 * @example
 * const frames = resampledFrames(source48k, 44100);
 */
export function resampledFrames(source: PcmSource, toRate: number): SourceFrames {
  const resampler = new Resampler(source.header.sampleRate, toRate);
  const channels = source.header.channels;
  return {
    channels,
    ensure(from, to) {
      const span = resampler.inputSpan(from, Math.max(from + 1, to));
      return source.ensure(span.from, span.to);
    },
    read(from, count, into) {
      if (count <= 0) return;
      const span = resampler.inputSpan(from, from + count);
      const windows = Array.from({ length: channels }, () => new Float32Array(span.to - span.from));
      source.read(span.from, span.to - span.from, windows);
      for (let c = 0; c < into.length; c++) into[c]!.set(resampler.processSpan(windows[c % channels]!, span.from, from, from + count));
    },
  };
}
