import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentStore } from './ContentStore';
import { PcmCache } from './PcmCache';
import { buildMissingPcm } from './buildMissingPcm';
import { decodeAudio } from './decodeAudio';
import { tempDir } from '../../tests/helpers/tempDir';
import { snapshotDir } from '../../tests/helpers/snapshotDir';
import { tone, wavBytes } from '../../tests/helpers/writeWav';
import { identicalSamples } from '../../tests/helpers/testRenderEnvironment';

function storeWithTone(): { store: ContentStore; pcm: PcmCache; sha256: string; bytes: Buffer } {
  const root = tempDir();
  const store = new ContentStore(path.join(root, 'store'), path.join(root, 'tmp'));
  const bytes = wavBytes(tone(441, 1.5, 44100), 44100);
  const { sha256 } = store.putBytes(bytes);
  return { store, pcm: PcmCache.of(store), sha256, bytes };
}

describe('PcmCache', () => {
  it("holds exactly what the decoder gives, at the blob's own rate", async () => {
    const { pcm, sha256, bytes } = storeWithTone();
    const decoded = await decodeAudio(bytes);
    const cached = await pcm.read(sha256);
    expect(cached.sampleRate).toBe(44100);
    expect(identicalSamples([...cached.channels], [...decoded.channels])).toBe(true);
    expect(fs.statSync(pcm.pathOf(sha256)).size).toBe(64 + 1.5 * 44100 * 2 * 4);
    expect(pcm.pathOf(sha256)).toMatch(/store\/pcm\/[0-9a-f]{2}\/[0-9a-f]{64}\.pcm$/);
  });

  it.each([
    ['missing', (file: string) => fs.rmSync(file)],
    ['truncated', (file: string) => fs.truncateSync(file, fs.statSync(file).size - 100)],
    ['empty', (file: string) => fs.writeFileSync(file, '')],
    ['garbage', (file: string) => fs.writeFileSync(file, Buffer.alloc(4096, 0x41))],
    ['padded', (file: string) => fs.appendFileSync(file, Buffer.alloc(8))],
    [
      "another blob's cache",
      (file: string) => {
        const bytes = fs.readFileSync(file);
        bytes[40] = bytes[40]! ^ 0xff; // the source hash in the header
        fs.writeFileSync(file, bytes);
      },
    ],
  ])('a %s cache file is rebuilt from its blob, never trusted and never a crash', async (_name, damage) => {
    const { pcm, sha256 } = storeWithTone();
    const good = await pcm.read(sha256);
    damage(pcm.pathOf(sha256));
    expect(pcm.header(sha256)).toBeNull();
    const rebuilt = await pcm.read(sha256);
    expect(identicalSamples([...rebuilt.channels], [...good.channels])).toBe(true);
    expect(pcm.header(sha256)).not.toBeNull();
  });

  it('builds a blob once when many ask at the same time', async () => {
    const { pcm, sha256 } = storeWithTone();
    const headers = await Promise.all(Array.from({ length: 8 }, () => pcm.ensure(sha256)));
    expect(new Set(headers.map((h) => JSON.stringify(h))).size).toBe(1);
    expect(fs.readdirSync(path.dirname(pcm.pathOf(sha256)))).toEqual([`${sha256}.pcm`]);
  });

  it('refuses what is not a blob of the store, and audio that is not audio, with the reason', async () => {
    const { store, pcm } = storeWithTone();
    await expect(pcm.ensure('0'.repeat(64))).rejects.toThrow(/not in this library/);
    expect(() => pcm.pathOf('../../etc/passwd')).toThrow(/not a SHA-256/);
    const { sha256 } = store.putBytes(Buffer.from('not audio at all, just text'));
    await expect(pcm.ensure(sha256)).rejects.toThrow(/WAV, FLAC/);
    expect(fs.existsSync(pcm.pathOf(sha256))).toBe(false);
  });

  it('staged files appear on commit and vanish on discard, leaving no trace', async () => {
    const { store, pcm, sha256, bytes } = storeWithTone();
    const decoded = await decodeAudio(bytes);
    const before = snapshotDir(path.dirname(store.root));
    const dropped = pcm.staging();
    dropped.stage(sha256, decoded);
    dropped.discard();
    expect(snapshotDir(path.dirname(store.root))).toEqual(before);
    const kept = pcm.staging();
    kept.stage(sha256, decoded);
    expect(pcm.header(sha256)).toBeNull();
    kept.commit();
    expect(pcm.header(sha256)).toMatchObject({ sampleRate: 44100, channels: 2, frames: 66150, sourceSha256: sha256 });
  });

  it('a backfill builds what is missing with progress, skips non-audio blobs and counts what was fine', async () => {
    const { store, pcm, sha256 } = storeWithTone();
    const other = store.putBytes(wavBytes(tone(220, 0.5, 48000), 48000)).sha256;
    store.putBytes(Buffer.from('a blob that is no audio'));
    await pcm.ensure(sha256);
    const progress: [number, number][] = [];
    const result = await buildMissingPcm(store, pcm, (done, total) => progress.push([done, total]));
    expect(result).toEqual({ valid: 1, built: 1, failed: [] });
    expect(progress).toEqual([
      [0, 1],
      [1, 1],
    ]);
    expect(pcm.header(other)).toMatchObject({ sampleRate: 48000 });
    expect(await buildMissingPcm(store, pcm)).toEqual({ valid: 2, built: 0, failed: [] });
  });
});
