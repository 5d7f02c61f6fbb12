import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { truePeakDb } from '../../shared/dsp/truePeak';
import { samplePeakDb } from '../../shared/dsp/loudness';
import { decodeAudio } from './decodeAudio';
import { tempDir } from '../../tests/helpers/tempDir';

function ffmpegTruePeak(file: string): number {
  const result = spawnSync('ffmpeg', ['-hide_banner', '-nostats', '-i', file, '-af', 'ebur128=peak=true', '-f', 'null', '-'], { encoding: 'utf8' });
  const match = /True peak:\s+Peak:\s+(-?[\d.]+) dBFS/.exec(result.stderr);
  if (!match) throw new Error(`no true peak in ffmpeg output: ${result.stderr.slice(-400)}`);
  return Number(match[1]);
}

async function soxSignal(effect: string) {
  const file = path.join(tempDir(), 'signal.wav');
  execFileSync('sox', ['-n', '-r', '48000', '-c', '2', '-b', '24', file, ...effect.split(' ')]);
  return { file, audio: await decodeAudio(fs.readFileSync(file)) };
}

describe('true peak (BS.1770-4 4× interpolation)', () => {
  it.each([1000, 8000, 11997, 15000])('finds the real peak of a %i Hz tone, never under it (at most the filter ripple over)', async (frequency) => {
    const { audio } = await soxSignal(`synth 3 sine ${frequency} vol 0.7`);
    const truth = 20 * Math.log10(0.7);
    const measured = truePeakDb(audio.channels);
    expect(measured).toBeGreaterThanOrEqual(truth - 0.05);
    expect(measured).toBeLessThan(truth + 0.5);
  });

  it('sees the inter-sample peak a sample-peak meter misses (12 kHz at 45°: samples at 0.707 of the peak)', () => {
    const x = new Float32Array(48000).map((_, i) => 0.9 * Math.sin((2 * Math.PI * 12000 * i) / 48000 + Math.PI / 4));
    expect(samplePeakDb([x])).toBeCloseTo(20 * Math.log10(0.9 * Math.SQRT1_2), 2);
    expect(truePeakDb([x])).toBeGreaterThan(20 * Math.log10(0.9) - 0.05);
  });

  it('agrees with ffmpeg on pink noise within 0.3 dB', async () => {
    const { file, audio } = await soxSignal('synth 3 pinknoise vol 0.5');
    expect(Math.abs(truePeakDb(audio.channels) - ffmpegTruePeak(file))).toBeLessThan(0.3);
  });
});
