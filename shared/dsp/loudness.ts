/**
 * ITU-R BS.1770-4 / EBU R128 loudness: K-weighting (the two biquads of the
 * recommendation, designed for any sample rate as libebur128 does), 400 ms
 * blocks with 75 % overlap, absolute gate at −70 LUFS and relative gate
 * 10 LU below the ungated mean. Channel weights are 1 (mono and stereo).
 */
export interface Biquad {
  readonly b: readonly [number, number, number];
  readonly a: readonly [number, number, number];
}

/** The K-weighting pre-filter (high shelf) and RLB high-pass at `sampleRate`. */
export function kWeightingFilters(sampleRate: number): [Biquad, Biquad] {
  let f0 = 1681.974450955533;
  const gainDb = 3.999843853973347;
  let q = 0.7071752369554196;
  let k = Math.tan((Math.PI * f0) / sampleRate);
  const vh = 10 ** (gainDb / 20);
  const vb = vh ** 0.4996667741545416;
  let a0 = 1 + k / q + k * k;
  const shelf: Biquad = {
    b: [(vh + (vb * k) / q + k * k) / a0, (2 * (k * k - vh)) / a0, (vh - (vb * k) / q + k * k) / a0],
    a: [1, (2 * (k * k - 1)) / a0, (1 - k / q + k * k) / a0],
  };
  f0 = 38.13547087602444;
  q = 0.5003270373238773;
  k = Math.tan((Math.PI * f0) / sampleRate);
  a0 = 1 + k / q + k * k;
  const highPass: Biquad = { b: [1, -2, 1], a: [1, (2 * (k * k - 1)) / a0, (1 - k / q + k * k) / a0] };
  return [shelf, highPass];
}

/** Mean-square energy of each 400 ms block (hop 100 ms), summed over channels after K-weighting. */
export function blockEnergies(channels: readonly Float32Array[], sampleRate: number): Float64Array {
  const frames = channels[0]?.length ?? 0;
  const block = Math.round(sampleRate * 0.4);
  const hop = Math.round(sampleRate * 0.1);
  const count = frames < block ? 0 : Math.floor((frames - block) / hop) + 1;
  const energies = new Float64Array(count);
  const [shelf, highPass] = kWeightingFilters(sampleRate);
  // Coefficients in locals and both biquads fused with the sum of squares: one pass, no copy
  // (the arithmetic is the same, sample for sample, as filtering twice and then summing).
  const [sb0, sb1, sb2] = shelf.b;
  const [, sa1, sa2] = shelf.a;
  const [hb0, hb1, hb2] = highPass.b;
  const [, ha1, ha2] = highPass.a;
  const hops = Math.floor(frames / hop);
  const hopsPerBlock = Math.round(block / hop);
  const hopSums = new Float64Array(hops);
  for (const channel of channels) {
    let x1 = 0,
      x2 = 0,
      y1 = 0,
      y2 = 0;
    let u1 = 0,
      u2 = 0,
      v1 = 0,
      v2 = 0;
    let i = 0;
    for (let h = 0; h < hops; h++) {
      let sum = 0;
      for (const end = (h + 1) * hop; i < end; i++) {
        const x = channel[i]!;
        const y = sb0 * x + sb1 * x1 + sb2 * x2 - sa1 * y1 - sa2 * y2;
        x2 = x1;
        x1 = x;
        y2 = y1;
        y1 = y;
        const v = hb0 * y + hb1 * u1 + hb2 * u2 - ha1 * v1 - ha2 * v2;
        u2 = u1;
        u1 = y;
        v2 = v1;
        v1 = v;
        sum += v * v;
      }
      hopSums[h] = sum;
    }
    for (let j = 0; j < count; j++) {
      let sum = 0;
      for (let h = j; h < j + hopsPerBlock; h++) sum += hopSums[h]!;
      energies[j]! += sum / block;
    }
  }
  return energies;
}

const energyToLufs = (energy: number) => -0.691 + 10 * Math.log10(energy);

/** Integrated loudness in LUFS; −Infinity for silence or audio shorter than one block. */
export function integratedLoudness(channels: readonly Float32Array[], sampleRate: number): number {
  return gatedLoudness(blockEnergies(channels, sampleRate));
}

/**
 * Integrated loudness from block energies (summed over channels): the
 * absolute and relative gates. Channels measured apart — on different
 * threads — add their `blockEnergies` first.
 */
export function gatedLoudness(energies: Float64Array): number {
  const aboveAbsolute = Array.from(energies).filter((e) => energyToLufs(e) > -70);
  if (aboveAbsolute.length === 0) return -Infinity;
  const relativeGate = energyToLufs(aboveAbsolute.reduce((s, e) => s + e, 0) / aboveAbsolute.length) - 10;
  const gated = aboveAbsolute.filter((e) => energyToLufs(e) > relativeGate);
  return energyToLufs(gated.reduce((s, e) => s + e, 0) / gated.length);
}

/** Highest absolute sample value, in dBFS (−Infinity for silence). */
export function samplePeakDb(channels: readonly Float32Array[]): number {
  let peak = 0;
  for (const channel of channels) for (let i = 0; i < channel.length; i++) peak = Math.max(peak, Math.abs(channel[i]!));
  return peak === 0 ? -Infinity : 20 * Math.log10(peak);
}
