import { describe, expect, it } from 'vitest';
import { PartitionedConvolver } from './PartitionedConvolver';
import { loadPffft } from '../../node/loadPffft';
import { seededRandom } from './seededRandom';

const noise = (length: number, seed: number) => {
  const random = seededRandom(seed);
  return Float32Array.from({ length }, () => random() * 2 - 1);
};

describe('PartitionedConvolver (PFFFT)', () => {
  it('equals direct convolution across partition boundaries (sparse impulse: every tap lands where it should)', async () => {
    const pffft = await loadPffft();
    const taps: [number, number][] = [
      [0, 0.5],
      [1, -0.25],
      [16383, 0.3],
      [16384, -0.7],
      [16385, 0.2],
      [32768, 0.1],
      [50001, -0.05],
    ];
    const impulse = new Float32Array(50002);
    for (const [at, value] of taps) impulse[at] = value;
    const input = noise(70000, 3);
    const convolver = new PartitionedConvolver(pffft, impulse);
    const out = convolver.process(input);
    convolver.dispose();
    expect(out.length).toBe(input.length);
    let worst = 0;
    for (let n = 0; n < input.length; n++) {
      let expected = 0;
      for (const [at, value] of taps) if (n - at >= 0) expected += value * input[n - at]!;
      worst = Math.max(worst, Math.abs(out[n]! - expected));
    }
    // float32 FFTs of 32768 points: errors around 1e-6 of full scale, nowhere a misplaced tap (which would be ~0.05 or more).
    expect(worst).toBeLessThan(2e-5);
  });

  it('is deterministic, and handles an impulse shorter than one block and an input shorter than the impulse', async () => {
    const pffft = await loadPffft();
    const impulse = noise(1000, 5);
    const input = noise(300, 7);
    const a = new PartitionedConvolver(pffft, impulse).process(input);
    const b = new PartitionedConvolver(pffft, impulse).process(input);
    expect(Buffer.from(a.buffer).equals(Buffer.from(b.buffer))).toBe(true);
    let expected = 0;
    for (let k = 0; k <= 299; k++) expected += impulse[k]! * input[299 - k]!;
    expect(a[299]).toBeCloseTo(expected, 4);
  });
});
