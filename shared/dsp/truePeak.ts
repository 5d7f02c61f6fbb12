/**
 * True peak (ITU-R BS.1770-4 Annex 2): the signal oversampled 4× with the
 * recommendation's 48-tap polyphase interpolation filter, then the largest
 * absolute value, in dBTP. Inter-sample peaks a sample-peak meter misses
 * are what clip after conversion to analogue or to MP3.
 */
export const TRUE_PEAK_PHASES: readonly (readonly number[])[] = [
  [
    0.001708984375, 0.010986328125, -0.0196533203125, 0.033203125, -0.0594482421875, 0.1373291015625, 0.97216796875, -0.102294921875, 0.047607421875,
    -0.026611328125, 0.014892578125, -0.00830078125,
  ],
  [
    -0.0291748046875, 0.029296875, -0.0517578125, 0.089111328125, -0.16650390625, 0.465087890625, 0.77978515625, -0.2003173828125, 0.1015625, -0.0582275390625,
    0.0330810546875, -0.0189208984375,
  ],
  [
    -0.0189208984375, 0.0330810546875, -0.0582275390625, 0.1015625, -0.2003173828125, 0.77978515625, 0.465087890625, -0.16650390625, 0.089111328125,
    -0.0517578125, 0.029296875, -0.0291748046875,
  ],
  [
    -0.00830078125, 0.014892578125, -0.026611328125, 0.047607421875, -0.102294921875, 0.97216796875, 0.1373291015625, -0.0594482421875, 0.033203125,
    -0.0196533203125, 0.010986328125, 0.001708984375,
  ],
];

const TAPS = TRUE_PEAK_PHASES.map((phase) => Float64Array.from(phase));
/** The most any interpolated value can exceed the largest sample of its 12-sample window by (Σ|taps| of the worst phase). */
const GAIN_BOUND = Math.max(...TRUE_PEAK_PHASES.map((phase) => phase.reduce((sum, t) => sum + Math.abs(t), 0)));
const BLOCK = 64;
const [t0, t1, t2, t3] = TAPS as [Float64Array, Float64Array, Float64Array, Float64Array];

export function truePeakDb(channels: readonly Float32Array[]): number {
  let peak = 0;
  for (const x of channels) {
    const blocks = Math.ceil(x.length / BLOCK);
    const blockPeaks = new Float64Array(blocks);
    for (let i = 0; i < x.length; i++) {
      const a = Math.abs(x[i]!);
      if (a > blockPeaks[(i / BLOCK) | 0]!) blockPeaks[(i / BLOCK) | 0] = a;
    }
    for (let b = 0; b < blocks; b++) {
      const near = Math.max(blockPeaks[b]!, b > 0 ? blockPeaks[b - 1]! : 0, b + 1 < blocks ? blockPeaks[b + 1]! : 0);
      if (near > peak) peak = Math.max(peak, blockPeaks[b]!);
      // Every interpolated value in this block is bounded by its neighbourhood's largest sample × GAIN_BOUND:
      // when even that cannot beat the peak so far, the block is skipped (the result is unchanged).
      if (near * GAIN_BOUND <= peak) continue;
      const end = Math.min(x.length, (b + 1) * BLOCK);
      for (let n = b * BLOCK; n < end; n++) {
        // The four phases share each input sample: one pass over the 12-sample window.
        let y0 = 0,
          y1 = 0,
          y2 = 0,
          y3 = 0;
        if (n >= 6 && n + 5 < x.length) {
          // Unrolled: the recommendation's coefficients as literals, each window sample loaded once.
          const v0 = x[n + 6]!;
          const v1 = x[n + 5]!;
          const v2 = x[n + 4]!;
          const v3 = x[n + 3]!;
          const v4 = x[n + 2]!;
          const v5 = x[n + 1]!;
          const v6 = x[n + 0]!;
          const v7 = x[n - 1]!;
          const v8 = x[n - 2]!;
          const v9 = x[n - 3]!;
          const v10 = x[n - 4]!;
          const v11 = x[n - 5]!;
          y0 =
            0.001708984375 * v0 +
            0.010986328125 * v1 +
            -0.0196533203125 * v2 +
            0.033203125 * v3 +
            -0.0594482421875 * v4 +
            0.1373291015625 * v5 +
            0.97216796875 * v6 +
            -0.102294921875 * v7 +
            0.047607421875 * v8 +
            -0.026611328125 * v9 +
            0.014892578125 * v10 +
            -0.00830078125 * v11;
          y1 =
            -0.0291748046875 * v0 +
            0.029296875 * v1 +
            -0.0517578125 * v2 +
            0.089111328125 * v3 +
            -0.16650390625 * v4 +
            0.465087890625 * v5 +
            0.77978515625 * v6 +
            -0.2003173828125 * v7 +
            0.1015625 * v8 +
            -0.0582275390625 * v9 +
            0.0330810546875 * v10 +
            -0.0189208984375 * v11;
          y2 =
            -0.0189208984375 * v0 +
            0.0330810546875 * v1 +
            -0.0582275390625 * v2 +
            0.1015625 * v3 +
            -0.2003173828125 * v4 +
            0.77978515625 * v5 +
            0.465087890625 * v6 +
            -0.16650390625 * v7 +
            0.089111328125 * v8 +
            -0.0517578125 * v9 +
            0.029296875 * v10 +
            -0.0291748046875 * v11;
          y3 =
            -0.00830078125 * v0 +
            0.014892578125 * v1 +
            -0.026611328125 * v2 +
            0.047607421875 * v3 +
            -0.102294921875 * v4 +
            0.97216796875 * v5 +
            0.1373291015625 * v6 +
            -0.0594482421875 * v7 +
            0.033203125 * v8 +
            -0.0196533203125 * v9 +
            0.010986328125 * v10 +
            0.001708984375 * v11;
        } else {
          for (let k = 0; k < 12; k++) {
            const index = n - k + 6;
            if (index < 0 || index >= x.length) continue;
            const v = x[index]!;
            y0 += t0[k]! * v;
            y1 += t1[k]! * v;
            y2 += t2[k]! * v;
            y3 += t3[k]! * v;
          }
        }
        const m = Math.max(Math.abs(y0), Math.abs(y1), Math.abs(y2), Math.abs(y3));
        if (m > peak) peak = m;
      }
    }
  }
  return peak === 0 ? -Infinity : 20 * Math.log10(peak);
}
