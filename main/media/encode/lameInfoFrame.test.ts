import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { crc16 } from './crc16';
import { encodeMp3, mp3AudioData, mp3File } from './encodeMp3';
import { infoFrameLength } from './lameInfoFrame';
import { mpegAudioFrames } from './mpegAudioFrames';
import type { TagSet } from '../metadata/TagSet';
import { tempDir } from '../../../tests/helpers/tempDir';
import { ffprobe, mediainfo, mutagen } from '../../../tests/helpers/metadataReaders';

const tags: TagSet = {
  title: 'Tone',
  artist: 'Test',
  performers: [],
  composers: [],
  lyricists: [],
  arrangers: [],
  date: '2026-11-24T12:00:00.000Z',
  copyright: '',
  comment: '',
  software: 'Stemroom test',
  sourceIsrcs: [],
  sourceIswcs: [],
  exportId: 'x',
  attribution: '{}',
};

/** A quiet tone with one full-scale click at `click`: where the click comes out shows the delay a decoder removed. */
function toneWithClick(sampleRate: number, seconds: number, click: number): Float32Array[] {
  const n = Math.round(sampleRate * seconds);
  const left = new Float32Array(n);
  for (let i = 0; i < n; i++) left[i] = 0.2 * Math.sin((2 * Math.PI * 440 * i) / sampleRate);
  left[click] = 0.99;
  return [left, left.slice()];
}

/** ffmpeg's decode (gapless: it reads the LAME tag) as 32-bit float, left channel. */
function ffmpegDecode(file: string): Float32Array {
  const raw = execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-f', 'f32le', '-ac', '1', '-af', 'pan=mono|c0=c0', '-'], { maxBuffer: 1 << 28 });
  return new Float32Array(raw.buffer, raw.byteOffset, raw.byteLength / 4);
}

describe('MP3 LAME info frame', () => {
  it('CRC-16/ARC matches the catalogue check value', () => {
    expect(crc16(new TextEncoder().encode('123456789'))).toBe(0xbb3d);
  });

  it.each([44100, 48000])('%d Hz: decoders trim delay and padding — exactly the samples exported, the click where it was', async (sampleRate) => {
    const samples = toneWithClick(sampleRate, 3.7, 1000);
    const audio = await encodeMp3(samples, sampleRate);
    const file = path.join(tempDir(), 'tone.mp3');
    fs.writeFileSync(file, mp3File(audio, tags));

    const decoded = ffmpegDecode(file);
    expect(decoded.length).toBe(samples[0]!.length);
    let loudest = 0;
    for (let i = 1; i < decoded.length; i++) if (Math.abs(decoded[i]!) > Math.abs(decoded[loudest]!)) loudest = i;
    expect(loudest).toBe(1000);

    const frames = mpegAudioFrames(audio.frames).length;
    const probe = ffprobe(file);
    expect(probe.warnings).toEqual([]); // no "Estimating duration from bitrate"
    expect(Number(probe.stream.duration)).toBeCloseTo((frames * 1152) / sampleRate, 6); // the frame count read from the tag, not estimated
    expect(Number(probe.stream.start_time)).toBeCloseTo(1105 / sampleRate, 6); // 576 encoder + 529 decoder delay skipped
    const probedFrames = execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'a', '-show_entries', 'frame=nb_samples', '-of', 'csv=p=0', file], {
      encoding: 'utf8',
    });
    expect(
      probedFrames
        .trim()
        .split('\n')
        .reduce((sum, n) => sum + Number(n), 0),
    ).toBe(samples[0]!.length);

    const info = mediainfo(file);
    expect(info.audio.Encoded_Library).toBe('LAME3.100');
    expect(Number(info.audio.FrameCount)).toBe(frames); // MediaInfo counts frames from the tag (it does not read the delay fields)

    const tagged = mutagen(file);
    expect(Math.round(tagged.info.length * sampleRate)).toBe(samples[0]!.length);
    expect(tagged.info.encoder_info).toBe('LAME 3.100.0+');
  });

  it('the info frame is not hashed: a file with it and one without carry the same audio', async () => {
    const audio = await encodeMp3(toneWithClick(44100, 1, 10), 44100);
    const withInfo = mp3File(audio, tags);
    const without = Buffer.concat([withInfo.subarray(0, withInfo.length - audio.frames.length - audio.infoFrame.length), audio.frames]);
    expect(infoFrameLength(audio.infoFrame)).toBe(audio.infoFrame.length);
    expect(Buffer.from(mp3AudioData(withInfo)).equals(audio.frames)).toBe(true);
    expect(Buffer.from(mp3AudioData(without)).equals(audio.frames)).toBe(true);
  });

  it('refuses a rate LAME would resample (its gapless numbers would be wrong)', async () => {
    await expect(encodeMp3(toneWithClick(96000, 0.1, 10), 96000)).rejects.toThrow(/32, 44.1 or 48 kHz/);
  });
});
