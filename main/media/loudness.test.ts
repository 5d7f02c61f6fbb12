import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { integratedLoudness } from '../../shared/dsp/loudness';
import { decodeAudio } from './decodeAudio';
import { tempDir } from '../../tests/helpers/tempDir';

/** ffmpeg's ebur128 filter (libavfilter's own implementation) is the independent reference. */
function ffmpegLoudness(file: string): number {
  const result = spawnSync('ffmpeg', ['-hide_banner', '-nostats', '-i', file, '-af', 'ebur128', '-f', 'null', '-'], { encoding: 'utf8' });
  const match = /Integrated loudness:\s+I:\s+(-?[\d.]+) LUFS/.exec(result.stderr);
  if (!match) throw new Error(`no loudness in ffmpeg output: ${result.stderr}`);
  return Number(match[1]);
}

describe('integrated loudness (EBU R128)', () => {
  it.each([
    ['44.1 kHz stereo sine', ['-r', '44100', '-c', '2'], 'synth 6 sine 1000 vol 0.5'],
    ['48 kHz stereo pink noise', ['-r', '48000', '-c', '2'], 'synth 8 pinknoise vol 0.3'],
    ['48 kHz mono tone bursts with silence (gating)', ['-r', '48000', '-c', '1'], 'synth 2 sine 440 vol 0.8 pad 0 3 repeat 2'],
    ['96 kHz stereo sweep', ['-r', '96000', '-c', '2'], 'synth 5 sine 50-12000 vol 0.4'],
  ])('matches ffmpeg within 0.1 LU: %s', async (_name, format, effect) => {
    const file = path.join(tempDir(), 'signal.wav');
    execFileSync('sox', ['-n', ...format, '-b', '24', file, ...effect.split(' ')]);
    const audio = await decodeAudio(fs.readFileSync(file));
    const ours = integratedLoudness(audio.channels, audio.sampleRate);
    expect(Math.abs(ours - ffmpegLoudness(file))).toBeLessThan(0.1);
  });

  it('is −Infinity for silence', () => {
    expect(integratedLoudness([new Float32Array(48000)], 48000)).toBe(-Infinity);
  });
});
