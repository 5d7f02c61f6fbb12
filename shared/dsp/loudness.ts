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

function filterInPlace(samples: Float64Array, { b, a }: Biquad): void {
  let x1 = 0, x2 = 0, y1 = 0, y2 = 0;
  for (let i = 0; i < samples.length; i++) {
    const x = samples[i]!;
    const y = b[0] * x + b[1] * x1 + b[2] * x2 - a[1] * y1 - a[2] * y2;
    x2 = x1;
    x1 = x;
    y2 = y1;
    y1 = y;
    samples[i] = y;
  }
}

/** Mean-square energy of each 400 ms block (hop 100 ms), summed over channels after K-weighting. */
export function blockEnergies(channels: readonly Float32Array[], sampleRate: number): Float64Array {
  const frames = channels[0]?.length ?? 0;
  const block = Math.round(sampleRate * 0.4);
  const hop = Math.round(sampleRate * 0.1);
  const count = frames < block ? 0 : Math.floor((frames - block) / hop) + 1;
  const energies = new Float64Array(count);
  const [shelf, highPass] = kWeightingFilters(sampleRate);
  for (const channel of channels) {
    const weighted = Float64Array.from(channel);
    filterInPlace(weighted, shelf);
    filterInPlace(weighted, highPass);
    // Sum of squares per hop, then each block is four consecutive hops.
    const hops = Math.floor(frames / hop);
    const hopSums = new Float64Array(hops);
    for (let h = 0; h < hops; h++) {
      let sum = 0;
      for (let i = h * hop; i < (h + 1) * hop; i++) sum += weighted[i]! * weighted[i]!;
      hopSums[h] = sum;
    }
    const hopsPerBlock = Math.round(block / hop);
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
  const energies = blockEnergies(channels, sampleRate);
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
