import { describe, expect, it } from 'vitest';
import { FAN_OUT, MAX_DF, MAX_DT } from './fingerprintParams';
import { landmarkHashes, packHash, unpackHash } from './landmarkHashes';
import { packPeak, peakBin, peakFrame } from './pickPeaks';

describe('landmark hashes', () => {
  it('pack and unpack every field at its limits', () => {
    for (const [f1, df, dt] of [
      [0, -MAX_DF, 1],
      [511, MAX_DF, MAX_DT],
      [200, 0, 17],
      [35, -3, 2],
    ] as const) {
      const hash = packHash(f1, df, dt);
      expect(hash).toBeLessThan(2 ** 23);
      expect(unpackHash(hash)).toEqual({ f1, df, dt });
    }
    expect(new Set([packHash(10, 1, 2), packHash(10, 2, 1), packHash(11, 1, 2), packHash(10, -1, 2)]).size).toBe(4);
    expect(() => packHash(10, 0, 0)).toThrow(/out of range/);
    expect(() => packHash(10, MAX_DF + 1, 5)).toThrow(/out of range/);
  });

  it('packs peaks so that sorting orders them by time, then frequency', () => {
    const p = packPeak(1234, 400);
    expect([peakFrame(p), peakBin(p)]).toEqual([1234, 400]);
    expect(packPeak(5, 435)).toBeLessThan(packPeak(6, 10));
  });

  it('pairs each anchor with the first peaks of its target zone only', () => {
    const peaks = Uint32Array.from([
      packPeak(10, 100),
      packPeak(10, 120), // same frame: never a target of the first
      packPeak(12, 100 + MAX_DF + 1), // outside the frequency zone
      packPeak(13, 90),
      packPeak(10 + MAX_DT + 1, 100), // too late for the first anchor
    ]).sort();
    const { hashes, times } = landmarkHashes(peaks);
    const pairs = Array.from(hashes, (h, i) => ({ t: times[i], ...unpackHash(h) }));
    expect(pairs.filter((p) => p.t === 10 && p.f1 === 100)).toEqual([{ t: 10, f1: 100, df: -10, dt: 3 }]);
    expect(pairs).toContainEqual({ t: 10, f1: 120, df: -30, dt: 3 });
    expect(pairs.some((p) => p.dt > MAX_DT || Math.abs(p.df) > MAX_DF || p.dt < 1)).toBe(false);
  });

  it('stops at FAN_OUT targets per anchor', () => {
    const peaks = Uint32Array.from({ length: 20 }, (_, i) => packPeak(i, 100 + i));
    const { times } = landmarkHashes(peaks);
    expect(times.filter((t) => t === 0).length).toBe(FAN_OUT);
    expect(times.filter((t) => t === 19).length).toBe(0);
  });
});
