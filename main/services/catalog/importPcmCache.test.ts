import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StemroomServices } from '../StemroomServices';
import { callContract } from '../../cli/callContract';
import { sha256, writePackage } from '../../../tests/fixtures/writePackage';
import { tempDir } from '../../../tests/helpers/tempDir';
import { snapshotDir } from '../../../tests/helpers/snapshotDir';
import { decodeAudio } from '../../media/decodeAudio';
import { identicalSamples } from '../../../tests/helpers/testRenderEnvironment';

const open = (dir: string) => StemroomServices.open(path.join(dir, 'data'), { demoCatalogDir: null, now: () => new Date('2026-11-24T12:00:00Z') });

describe('PCM cache at import', () => {
  it("a catalog import decodes each stem once into the PCM cache, equal to the decoder's samples", async () => {
    const dir = tempDir();
    const manifest = writePackage(path.join(dir, 'pkg'));
    const services = await open(dir);
    try {
      await callContract(services, 'catalog.import', { source: { path: path.join(dir, 'pkg') } });
      for (const stem of manifest.recordings[0]!.stems) {
        const decoded = await decodeAudio(fs.readFileSync(path.join(dir, 'pkg', stem.file)));
        expect(services.pcm.header(stem.sha256), stem.file).toMatchObject({ sampleRate: decoded.sampleRate, channels: 2, frames: decoded.frames });
        expect(identicalSamples([...(await services.pcm.read(stem.sha256)).channels], [...decoded.channels])).toBe(true);
      }
    } finally {
      services.close();
    }
  });

  it('a refused import leaves no cache file behind (the library is unchanged byte for byte)', async () => {
    const dir = tempDir();
    // The last stem is silent: the first two are decoded (and their caches staged) before the refusal.
    writePackage(path.join(dir, 'pkg'), (manifest, stems) => {
      const silent = Buffer.from(stems[2]!.bytes);
      silent.fill(0, 44);
      stems[2]!.bytes = silent;
      manifest.recordings[0]!.stems[2]!.sha256 = sha256(silent);
    });
    const services = await open(dir);
    try {
      const before = snapshotDir(services.library.paths.dataDir);
      await expect(callContract(services, 'catalog.import', { source: { path: path.join(dir, 'pkg') } })).rejects.toThrow(/silent/);
      expect(snapshotDir(services.library.paths.dataDir)).toEqual(before);
      expect(fs.existsSync(path.join(services.store.root, 'pcm')) ? snapshotDir(path.join(services.store.root, 'pcm')) : {}).toEqual({});
    } finally {
      services.close();
    }
  });

  it('renders never run a codec: with every blob replaced by garbage, an export still renders from the cache', async () => {
    const dir = tempDir();
    const manifest = writePackage(path.join(dir, 'pkg'));
    const services = await open(dir);
    try {
      await callContract(services, 'settings.update', { creatorName: 'DJ Cache', territory: 'GB' });
      await callContract(services, 'catalog.import', { source: { path: path.join(dir, 'pkg') } });
      const project = await callContract(services, 'projects.create', { recordingId: 'r-test', kind: 'remix' });
      const first = await callContract(services, 'exports.start', { projectId: project.id, path: path.join(dir, 'a.wav'), format: 'wav' });
      for (const stem of manifest.recordings[0]!.stems) {
        const blob = services.store.pathOf(stem.sha256);
        fs.writeFileSync(blob, Buffer.alloc(fs.statSync(blob).size, 0x5a));
      }
      const second = await callContract(services, 'exports.start', { projectId: project.id, path: path.join(dir, 'b.wav'), format: 'wav' });
      expect(second.audioSha256).toBe(first.audioSha256);
    } finally {
      services.close();
    }
  });
});
