import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockEnergies, kWeightingFilters, type Biquad } from './loudness';
import { TRUE_PEAK_PHASES, truePeakDb } from './truePeak';

/** The plain definitions the optimised code must agree with exactly. */
function referenceTruePeak(channels: Float32Array[]): number {
  let peak = 0;
  for (const x of channels) {
    for (let n = 0; n < x.length; n++) {
      peak = Math.max(peak, Math.abs(x[n]!));
      for (const taps of TRUE_PEAK_PHASES) {
        let y = 0;
        for (let k = 0; k < taps.length; k++) {
          const index = n - k + 6;
          if (index >= 0 && index < x.length) y += taps[k]! * x[index]!;
        }
        peak = Math.max(peak, Math.abs(y));
      }
    }
  }
  return peak === 0 ? -Infinity : 20 * Math.log10(peak);
}

function referenceEnergies(channels: Float32Array[], sampleRate: number): Float64Array {
  const frames = channels[0]!.length;
  const block = Math.round(sampleRate * 0.4);
  const hop = Math.round(sampleRate * 0.1);
  const count = frames < block ? 0 : Math.floor((frames - block) / hop) + 1;
  const energies = new Float64Array(count);
  const filter = (samples: Float64Array, { b, a }: Biquad) => {
    let x1 = 0,
      x2 = 0,
      y1 = 0,
      y2 = 0;
    for (let i = 0; i < samples.length; i++) {
      const x = samples[i]!;
      const y = b[0] * x + b[1] * x1 + b[2] * x2 - a[1] * y1 - a[2] * y2;
      [x2, x1, y2, y1] = [x1, x, y1, y];
      samples[i] = y;
    }
  };
  const [shelf, highPass] = kWeightingFilters(sampleRate);
  for (const channel of channels) {
    const weighted = Float64Array.from(channel);
    filter(weighted, shelf);
    filter(weighted, highPass);
    const hops = Math.floor(frames / hop);
    const hopSums = new Float64Array(hops);
    for (let h = 0; h < hops; h++) for (let i = h * hop; i < (h + 1) * hop; i++) hopSums[h]! += weighted[i]! * weighted[i]!;
    for (let j = 0; j < count; j++) {
      let sum = 0;
      for (let h = j; h < j + Math.round(block / hop); h++) sum += hopSums[h]!;
      energies[j]! += sum / block;
    }
  }
  return energies;
}

const signal = fc.array(fc.float({ min: -1, max: 1, noNaN: true }), { minLength: 1, maxLength: 6000 }).map((a) => Float32Array.from(a));

describe('fast paths', () => {
  it('fused K-weighting gives the same block energies as filtering twice and summing', () => {
    fc.assert(
      fc.property(signal, signal, (a, b) => {
        const n = Math.min(a.length, b.length);
        const channels = [a.slice(0, n), b.slice(0, n)];
        expect([...blockEnergies(channels, 800)]).toEqual([...referenceEnergies(channels, 800)]);
      }),
      { numRuns: 50 },
    );
  });

  it('true peak with quiet blocks skipped equals the full 4× interpolation', () => {
    fc.assert(
      fc.property(signal, fc.integer({ min: 0, max: 5999 }), fc.float({ min: 0, max: 1, noNaN: true }), (x, at, loud) => {
        const quietThenLoud = new Float32Array(x.length + 256);
        quietThenLoud.set(x.map((v) => v * 0.01));
        quietThenLoud[Math.min(at, quietThenLoud.length - 1)] = loud;
        expect(truePeakDb([quietThenLoud, x])).toBe(referenceTruePeak([quietThenLoud, x]));
      }),
      { numRuns: 100 },
    );
  });
});
