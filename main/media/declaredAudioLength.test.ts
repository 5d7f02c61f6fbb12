import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { declaredAudioLength } from './declaredAudioLength';
import { probeAudio } from './probeAudio';
import { tempDir } from '../../tests/helpers/tempDir';
import { tone, wavBytes } from '../../tests/helpers/writeWav';

/** A 3 s 44.1 kHz stereo tone, encoded by ffmpeg. */
function encode(extension: 'flac' | 'mp3' | 'ogg'): Buffer {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'in.wav'), wavBytes(tone(440, 3, 44100), 44100));
  const codec = { flac: [], mp3: ['-b:a', '128k'], ogg: ['-c:a', 'libvorbis'] }[extension];
  execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-i', path.join(dir, 'in.wav'), ...codec, path.join(dir, `out.${extension}`)]);
  return fs.readFileSync(path.join(dir, `out.${extension}`));
}
const length = (bytes: Uint8Array) => declaredAudioLength(bytes, probeAudio(bytes)!);

describe('declared audio length', () => {
  it('reads what whole files declare', () => {
    expect(length(wavBytes(tone(440, 3, 44100), 44100))).toEqual({ frames: 132300, truncated: null });
    expect(length(encode('flac'))).toEqual({ frames: 132300, truncated: null });
    expect(length(encode('ogg'))).toEqual({ frames: 132300, truncated: null });
    const mp3 = length(encode('mp3'));
    expect(mp3.truncated).toBeNull();
    expect(mp3.frames! - 132300).toBeGreaterThanOrEqual(0);
    expect(mp3.frames! - 132300).toBeLessThan(3 * 1152);
  });

  it('finds an MP3 cut at a frame boundary by its Xing/Info frame count', () => {
    const mp3 = encode('mp3');
    // Walk to the start of the 60th frame (a 128 kb/s 44.1 kHz frame is 417 or 418 bytes) and cut there.
    let at = mp3.indexOf(Buffer.from([0xff, 0xfb]));
    for (let frame = 0; frame < 60; frame++) at += Math.floor((144 * 128000) / 44100) + ((mp3[at + 2]! >> 1) & 1);
    expect(length(mp3.subarray(0, at)).truncated).toMatch(/^is truncated: its header announces \d+ MPEG frames, the file holds 59$/);
  });

  it('finds an Ogg stream cut mid-page, or missing its last page', () => {
    const ogg = encode('ogg');
    expect(length(ogg.subarray(0, Math.floor(ogg.length * 0.7))).truncated).toBe('is truncated: its last Ogg page is cut off');
    const lastPage = ogg.lastIndexOf(Buffer.from('OggS'));
    expect(length(ogg.subarray(0, lastPage)).truncated).toBe('is truncated: the Ogg stream ends without its last page');
  });
});
