import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StemroomServices } from '../StemroomServices';
import { callContract } from '../../cli/callContract';
import { decodeFile } from '../../../tests/helpers/audioCompare';
import { sampleManifest } from '../../../tests/fixtures/sampleManifest';
import { sha256 } from '../../../tests/fixtures/writePackage';
import { wavBytes } from '../../../tests/helpers/writeWav';
import { strongestOtherDb, toneAmplitude } from '../../../tests/helpers/toneAnalysis';
import { seededRandom } from '../../../engine/common/dsp/seededRandom';

/**
 * Exports keep their sources' rate: 44.1 kHz stems export at 44.1 kHz with
 * no resampling at all (nulling against sox's mix of the same files), and a
 * requested 48 kHz goes through the band-limited resampler (a 19 kHz tone
 * keeps its level; no image shows) — the record says which.
 */
const RATE = 44100;
const SECONDS = 6;
const HIGH_TONE = 19000;
const HIGH_AMPLITUDE = 0.05;

/** A stem: a few tones (one near the top of the band) and quiet seeded noise, 16-bit like most deliveries. */
function stemAudio(seed: number): Float32Array[] {
  const random = seededRandom(seed);
  const frames = SECONDS * RATE;
  const channels = [new Float32Array(frames), new Float32Array(frames)];
  const base = 110 * (seed + 1);
  for (let i = 0; i < frames; i++) {
    const t = i / RATE;
    const common =
      0.06 * Math.sin(2 * Math.PI * base * t) +
      0.03 * Math.sin(2 * Math.PI * 3.01 * base * t) +
      (seed === 0 ? HIGH_AMPLITUDE * Math.sin(2 * Math.PI * HIGH_TONE * t) : 0);
    channels[0]![i] = common + 0.01 * (random() - 0.5);
    channels[1]![i] = common + 0.01 * (random() - 0.5);
  }
  return channels;
}

let services: StemroomServices;
let projectId: string;
let work: string;
const stemFiles: string[] = [];

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'stemroom-rate-'));
  const pkg = path.join(work, 'package');
  fs.mkdirSync(path.join(pkg, 'stems'), { recursive: true });
  const stems = ['drums', 'bass', 'keys', 'other'].map((kind, i) => {
    const bytes = wavBytes(stemAudio(i), RATE);
    const file = `stems/${kind}.wav`;
    fs.writeFileSync(path.join(pkg, file), bytes);
    stemFiles.push(path.join(pkg, file));
    return { id: `s-${kind}`, name: kind, kind, file, sha256: sha256(bytes) };
  });
  const manifest = sampleManifest(stems);
  manifest.recordings[0]!.durationMs = SECONDS * 1000;
  fs.writeFileSync(path.join(pkg, 'manifest.json'), JSON.stringify(manifest));
  services = await StemroomServices.open(path.join(work, 'data'), { demoCatalogDir: null, now: () => new Date('2026-11-24T12:00:00Z') });
  await callContract(services, 'settings.update', { creatorName: 'DJ Rate', territory: 'GB' });
  await callContract(services, 'catalog.import', { source: { path: pkg } });
  projectId = (await callContract(services, 'projects.create', { recordingId: 'r-test', kind: 'remix' })).id;
}, 120_000);

afterAll(() => {
  services?.close();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('export sample rate', () => {
  it('a project of 44.1 kHz stems is a 44.1 kHz project', async () => {
    expect((await callContract(services, 'projects.open', { projectId })).document.sampleRate).toBe(RATE);
  });

  it('exports 44.1 kHz stems at 44.1 kHz with no resampling: nulls against a sox mix below −90 dBFS RMS', async () => {
    const summary = await callContract(services, 'exports.start', { projectId, path: path.join(work, 'native.wav'), format: 'wav', bitDepth: 24 });
    const { record } = await callContract(services, 'exports.show', { exportId: summary.exportId });
    expect(record.output.sampleRate).toBe(RATE);
    expect(record.output.resampling).toBeNull();

    const soxMix = path.join(work, 'sox-mix.wav');
    execFileSync('sox', ['-m', ...stemFiles.flatMap((file) => ['-v', '1', file]), '-b', '32', '-e', 'floating-point', soxMix]);
    const ours = await decodeFile(summary.path);
    const theirs = await decodeFile(soxMix);
    expect(ours[0]!.length).toBe(theirs[0]!.length);
    let sum = 0;
    let n = 0;
    for (let c = 0; c < 2; c++) {
      for (let i = 0; i < theirs[c]!.length; i++) {
        sum += (ours[c]![i]! - theirs[c]![i]!) ** 2;
        n++;
      }
    }
    const residualRms = 10 * Math.log10(sum / n);
    expect(residualRms).toBeLessThan(-90);
  });

  it('--sample-rate 48000 resamples the master bus band-limited: 19 kHz keeps its level, no image above −100 dB, and the record names the resampler', async () => {
    const summary = await callContract(services, 'exports.start', {
      projectId,
      path: path.join(work, 'at48k.wav'),
      format: 'wav',
      bitDepth: 24,
      sampleRate: 48000,
    });
    const { record } = await callContract(services, 'exports.show', { exportId: summary.exportId });
    expect(record.output.sampleRate).toBe(48000);
    expect(record.output.resampling).toMatchObject({
      method: expect.stringMatching(/polyphase-kaiser-sinc/),
      conversions: [{ stage: 'master', fromHz: 44100, toHz: 48000, passbandHz: 20000 }],
    });
    const [left] = await decodeFile(summary.path);
    expect(left!.length).toBe(SECONDS * 48000);
    const from = 48000;
    const size = 131072;
    const level = 20 * Math.log10(toneAmplitude(left!, 48000, HIGH_TONE, from, size) / HIGH_AMPLITUDE);
    expect(Math.abs(level)).toBeLessThan(0.1);
    // Where linear interpolation leaves its image of 19 kHz: 44.1 − 19 = 25.1 kHz, folded to 22.9 kHz.
    const image = toneAmplitude(left!, 48000, 48000 - (RATE - HIGH_TONE), from, size);
    expect(20 * Math.log10(image / HIGH_AMPLITUDE)).toBeLessThan(-100);
    // Nothing at all between the sources' Nyquist and the new one (images of the stems' noise and tones would show there).
    const other = strongestOtherDb(left!, 48000, HIGH_TONE, HIGH_AMPLITUDE, from, size, 30, [22100, 24000]);
    expect(other.db, `${other.db.toFixed(1)} dB at ${other.atHz.toFixed(0)} Hz`).toBeLessThan(-100);
  });
});
