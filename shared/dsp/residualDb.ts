/** How a residual is measured: its largest sample, or its RMS; over both lengths (a missing sample is 0) or the shorter. */
export interface ResidualOptions {
  readonly measure?: 'peak' | 'rms';
  readonly over?: 'longer' | 'shorter';
}

/**
 * How far apart two renders are — the null test: the difference of their
 * samples, channel by channel, as dBFS of its largest sample (`peak`, the
 * default) or of its RMS; −Infinity when every sample matches. Over the
 * longer length by default (a sample one side lacks counts as 0, so a tail
 * one render has and the other lacks shows), or over the shorter (`over:
 * 'shorter'`: decoders that pad differently).
 *
 * @example
 * residualDb(ours, reference) < -90 // nulls: the two mixes are the same to 16-bit precision
 * residualDb(ours, sox, { measure: 'rms' }) // RMS of the difference, dBFS
 */
export function residualDb(a: readonly Float32Array[], b: readonly Float32Array[], options: ResidualOptions = {}): number {
  let max = 0;
  let sum = 0;
  let n = 0;
  for (let c = 0; c < Math.min(a.length, b.length); c++) {
    const x = a[c]!;
    const y = b[c]!;
    const length = options.over === 'shorter' ? Math.min(x.length, y.length) : Math.max(x.length, y.length);
    for (let i = 0; i < length; i++) {
      const d = (x[i] ?? 0) - (y[i] ?? 0);
      max = Math.max(max, Math.abs(d));
      sum += d * d;
    }
    n += length;
  }
  if (options.measure === 'rms') return sum === 0 ? -Infinity : 10 * Math.log10(sum / n);
  return max === 0 ? -Infinity : 20 * Math.log10(max);
}
