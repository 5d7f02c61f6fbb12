import { describe, expect, it } from 'vitest';
import { measureMix } from './measureMix';
import { pcmFromFloat } from '../encode/pcmFromFloat';
import { integratedLoudness } from '../../../shared/dsp/loudness';
import { truePeakDb } from '../../../shared/dsp/truePeak';
import { computePeaks, encodePeaks } from '../../../shared/dsp/waveformPeaks';
import { seededRandom } from '../../../engine/common/dsp/seededRandom';

/** A few seconds of loud, uneven material per channel (tones, noise bursts, a clipped patch). */
function material(channels: number, seconds: number, sampleRate: number): Float32Array[] {
  const random = seededRandom(7);
  return Array.from({ length: channels }, (_, c) => {
    const x = new Float32Array(Math.round(seconds * sampleRate));
    for (let i = 0; i < x.length; i++)
      x[i] =
        0.6 * Math.sin((2 * Math.PI * (110 + 55 * c) * i) / sampleRate) + (i % 9000 < 2000 ? 0.5 * (random() - 0.5) : 0) + (i > 30000 && i < 30050 ? 0.8 : 0);
    return x;
  });
}

describe('measureMix', () => {
  it.each([
    [2, 24],
    [2, 16],
    [3, 16],
  ] as const)('%i channels, %i-bit: what two threads measure and write equals doing it all on one', async (count, bitDepth) => {
    const channels = material(count, 4, 44100);
    const measured = await measureMix(channels, 44100, { bitDepth, seed: 0x5eed });
    expect(measured.onWorker).toBe(Math.floor(count / 2)); // the odd channels really went to the worker
    expect(measured.pcm!.equals(pcmFromFloat(channels, bitDepth, 0x5eed))).toBe(true);
    expect(measured.integratedLufs).toBe(integratedLoudness(channels, 44100));
    expect(measured.truePeakDbtp).toBe(truePeakDb(channels));
    expect(Buffer.from(measured.peaks).equals(Buffer.from(encodePeaks(computePeaks(channels, 44100))))).toBe(true);
  });

  it('a mono mix and a silent one are measured here, silence as null', async () => {
    const mono = await measureMix(material(1, 1, 48000), 48000);
    expect(mono.onWorker).toBe(0);
    expect(mono.pcm).toBeNull();
    const silent = await measureMix([new Float32Array(48000), new Float32Array(48000)], 48000);
    expect(silent).toMatchObject({ integratedLufs: null, truePeakDbtp: null });
  });
});
