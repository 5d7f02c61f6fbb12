/**
 * True peak (ITU-R BS.1770-4 Annex 2): the signal oversampled 4× with the
 * recommendation's 48-tap polyphase interpolation filter, then the largest
 * absolute value, in dBTP. Inter-sample peaks a sample-peak meter misses
 * are what clip after conversion to analogue or to MP3.
 */
const PHASES: readonly (readonly number[])[] = [
  [0.001708984375, 0.010986328125, -0.0196533203125, 0.033203125, -0.0594482421875, 0.1373291015625, 0.97216796875, -0.102294921875, 0.047607421875, -0.026611328125, 0.014892578125, -0.00830078125],
  [-0.0291748046875, 0.029296875, -0.0517578125, 0.089111328125, -0.16650390625, 0.465087890625, 0.77978515625, -0.2003173828125, 0.1015625, -0.0582275390625, 0.0330810546875, -0.0189208984375],
  [-0.0189208984375, 0.0330810546875, -0.0582275390625, 0.1015625, -0.2003173828125, 0.77978515625, 0.465087890625, -0.16650390625, 0.089111328125, -0.0517578125, 0.029296875, -0.0291748046875],
  [-0.00830078125, 0.014892578125, -0.026611328125, 0.047607421875, -0.102294921875, 0.97216796875, 0.1373291015625, -0.0594482421875, 0.033203125, -0.0196533203125, 0.010986328125, 0.001708984375],
];

export function truePeakDb(channels: readonly Float32Array[]): number {
  let peak = 0;
  for (const x of channels) {
    for (let n = 0; n < x.length; n++) {
      const sample = Math.abs(x[n]!);
      if (sample > peak) peak = sample;
      for (const taps of PHASES) {
        let y = 0;
        for (let k = 0; k < taps.length; k++) {
          const index = n - k + 6;
          if (index >= 0 && index < x.length) y += taps[k]! * x[index]!;
        }
        const magnitude = Math.abs(y);
        if (magnitude > peak) peak = magnitude;
      }
    }
  }
  return peak === 0 ? -Infinity : 20 * Math.log10(peak);
}
