import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { decodeWavPcm } from './decodeWavPcm';
import { loadWebAudio } from '../../engine/node/webAudio';
import { tempDir } from '../../tests/helpers/tempDir';

it.each([
  ['16-bit', ['-b', '16', '-e', 'signed-integer']],
  ['24-bit', ['-b', '24', '-e', 'signed-integer']],
  ['32-bit', ['-b', '32', '-e', 'signed-integer']],
  ['8-bit', ['-b', '8', '-e', 'unsigned-integer']],
  ['32-bit float', ['-b', '32', '-e', 'floating-point']],
])('decodes %s WAV to exactly the samples the native decoder gives', async (_name, encoding) => {
  const file = path.join(tempDir(), 'tone.wav');
  execFileSync('sox', ['-n', '-r', '44100', '-c', '2', ...encoding, file, 'synth', '0.5', 'sine', '440', 'sine', '1234', 'vol', '0.8']);
  const bytes = fs.readFileSync(file);
  const ours = decodeWavPcm(bytes)!;
  const { OfflineAudioContext } = await loadWebAudio();
  const native = await new OfflineAudioContext(2, 1, 44100).decodeAudioData(bytes.slice().buffer);
  expect(ours.sampleRate).toBe(44100);
  expect(ours.channels).toHaveLength(2);
  for (let c = 0; c < 2; c++) {
    const reference = new Float32Array(native.length);
    native.copyFromChannel(reference, c);
    expect(ours.channels[c]!.length).toBe(reference.length);
    let worst = 0;
    for (let i = 0; i < reference.length; i++) worst = Math.max(worst, Math.abs(ours.channels[c]![i]! - reference[i]!));
    expect(worst).toBe(0);
  }
});

it('leaves compressed or malformed WAV to the general decoder', () => {
  const adpcm = Buffer.alloc(60);
  adpcm.write('RIFF', 0);
  adpcm.write('WAVEfmt ', 8);
  adpcm.writeUInt32LE(16, 16);
  adpcm.writeUInt16LE(2, 20); // MS ADPCM
  adpcm.writeUInt16LE(1, 22);
  adpcm.writeUInt32LE(8000, 24);
  adpcm.write('data', 36);
  expect(decodeWavPcm(adpcm)).toBeNull();
  expect(decodeWavPcm(Buffer.from('RIFF0000WAVE'))).toBeNull();
  expect(decodeWavPcm(Buffer.from('not a wav at all'))).toBeNull();
});
