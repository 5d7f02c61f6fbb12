import { describe, expect, it } from 'vitest';
import { MAX_BIN, PEAKS_PER_BAND } from './fingerprintParams';
import type { Spectrogram } from './logSpectrogram';
import { peakBin, peakFrame, pickPeaks } from './pickPeaks';

function spectrogram(frames: number, cells: [number, number, number][], shift = 0): Spectrogram {
  const bins = MAX_BIN + 1;
  const db = new Float32Array(frames * bins).fill(-150);
  for (const [t, k, v] of cells) db[(t + shift) * bins + k] = v;
  return { frames, bins, db };
}
const asPairs = (peaks: Uint32Array) => Array.from(peaks, (p) => [peakFrame(p), peakBin(p)]);

describe('pickPeaks', () => {
  const cells: [number, number, number][] = [
    [20, 100, -20], // a peak
    [21, 103, -25], // louder neighbour at (20, 100) within ±3 frames and ±6 bins: not a peak
    [30, 100, -30], // 10 frames later: its own peak
    [20, 300, -22], // another band: a peak
    [40, 100, -85], // above the absolute floor but > 50 dB below a peak within half a block
    [200, 100, -95], // below the absolute floor
  ];

  it('keeps local maxima above both floors', () => {
    expect(asPairs(pickPeaks(spectrogram(260, cells)))).toEqual([
      [20, 100],
      [20, 300],
      [30, 100],
    ]);
  });

  it('keeps only the strongest PEAKS_PER_BAND of a band within half a block', () => {
    // Nine well-separated peaks of one band (40–300 Hz) inside one second, levels −10…−18 dB.
    const crowd: [number, number, number][] = Array.from({ length: 9 }, (_, i) => [70 + 7 * (i % 3), 6 + 13 * Math.floor(i / 3), -10 - i]);
    const peaks = asPairs(pickPeaks(spectrogram(120, crowd)));
    expect(peaks.length).toBe(PEAKS_PER_BAND);
    expect(peaks).toEqual(
      crowd
        .slice(0, PEAKS_PER_BAND)
        .map(([t, k]) => [t, k])
        .sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!),
    );
  });

  it('moves with the audio: a spectrogram shifted by 7 frames gives the same peaks 7 frames later', () => {
    const a = asPairs(pickPeaks(spectrogram(260, cells)));
    const b = asPairs(pickPeaks(spectrogram(260, cells, 7)));
    expect(b).toEqual(a.map(([t, k]) => [t! + 7, k]));
  });

  it('finds nothing in silence or an empty spectrogram', () => {
    expect(pickPeaks(spectrogram(50, [])).length).toBe(0);
    expect(pickPeaks({ frames: 0, bins: MAX_BIN + 1, db: new Float32Array(0) }).length).toBe(0);
  });
});
