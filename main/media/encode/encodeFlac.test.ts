import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeFlac, flacFile } from './encodeFlac';
import { tempDir } from '../../../tests/helpers/tempDir';

function signal(frames: number, seed: number): Int32Array[] {
  const left = new Int32Array(frames);
  const right = new Int32Array(frames);
  let noise = seed;
  for (let i = 0; i < frames; i++) {
    noise = (noise * 1103515245 + 12345) & 0x7fffffff;
    left[i] = Math.round(12000 * Math.sin(i / 23) + ((noise % 2001) - 1000));
    right[i] = Math.round(left[i]! * 0.7 + 3000 * Math.sin(i / 7));
  }
  return [left, right];
}

describe('encodeFlac', () => {
  it.each([
    [16 as const, 48000, 48000 * 2 + 123],
    [24 as const, 44100, 5000],
    [16 as const, 48000, 3],
  ])('%i-bit at %i Hz (%i frames) decodes bit-exact with ffmpeg, every frame CRC checked', (bps, sampleRate, frames) => {
    const samples = signal(frames, frames);
    if (bps === 24) samples.forEach((c) => c.forEach((v, i) => (c[i] = v * 256 + (i % 256))));
    const file = path.join(tempDir(), 'test.flac');
    fs.writeFileSync(file, flacFile(encodeFlac(samples, sampleRate, bps), []));
    // crccheck+explode: ffmpeg fails on any frame whose CRC-8 or CRC-16 is wrong, instead of concealing it.
    const raw = execFileSync(
      'ffmpeg',
      ['-hide_banner', '-loglevel', 'error', '-err_detect', 'crccheck+explode', '-xerror', '-i', file, '-f', bps === 16 ? 's16le' : 's32le', '-'],
      { maxBuffer: 1 << 28 },
    );
    const decoded =
      bps === 16 ? new Int16Array(raw.buffer, raw.byteOffset, raw.length / 2) : new Int32Array(raw.buffer, raw.byteOffset, raw.length / 4).map((v) => v >> 8);
    expect(decoded.length).toBe(frames * 2);
    for (let i = 0; i < frames; i++) {
      if (decoded[i * 2] !== samples[0]![i] || decoded[i * 2 + 1] !== samples[1]![i]) throw new Error(`sample ${i} differs`);
    }
    const probe = JSON.parse(execFileSync('ffprobe', ['-v', 'error', '-show_streams', '-of', 'json', file], { encoding: 'utf8' }));
    expect(probe.streams[0]).toMatchObject({ codec_name: 'flac', sample_rate: String(sampleRate), channels: 2 });
  });

  it('compresses a smooth signal well below raw PCM size', () => {
    const samples = signal(48000 * 2, 1);
    const stream = encodeFlac(samples, 48000, 16);
    expect(stream.frames.length).toBeLessThan(48000 * 2 * 2 * 2 * 0.8);
  });
});
