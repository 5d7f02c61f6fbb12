import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StemroomServices, DEMO_CATALOG_TASK } from './StemroomServices';
import { callContract } from '../cli/callContract';
import { isLargeDemoPackage } from './demoCatalog';
import { writePackage } from '../../tests/fixtures/writePackage';
import { writeBenchPackage } from '../../bench/fixtures/writeBenchPackage';
import { tempDir } from '../../tests/helpers/tempDir';

/**
 * A new library opens with the small demo songs at once; a real-size demo
 * song (stems over 8 MiB) is imported in the background once a host is up,
 * with progress, once per library — and not at all when the host says so.
 */
describe('real-size demo songs', () => {
  it('are imported in the background after start, with progress, once', async () => {
    const root = tempDir();
    const demo = path.join(root, 'demo');
    writePackage(path.join(demo, 'a-small'));
    const largeRecording = writeBenchPackage(path.join(demo, 'b-large'), 1, 1, 'demo-large');
    expect(isLargeDemoPackage(path.join(demo, 'a-small'))).toBe(false);
    expect(isLargeDemoPackage(path.join(demo, 'b-large'))).toBe(true);

    const services = await StemroomServices.open(path.join(root, 'data'), { demoCatalogDir: demo });
    try {
      const recordings = async () => (await callContract(services, 'catalog.search', { text: '' })).items.map((r) => r.id).sort();
      expect(await recordings()).toEqual(['r-test']);
      await services.startBackgroundWork({ largeDemo: false });
      expect(await recordings()).toEqual(['r-test']);

      const progress: { label: string; done: number; total: number }[] = [];
      const changed: string[] = [];
      services.events.subscribe((event, payload) => {
        if (event === 'task.progress' && (payload as { taskId: string }).taskId === DEMO_CATALOG_TASK) progress.push(payload as never);
        if (event === 'library.changed') changed.push((payload as { area: string }).area);
      });
      await services.startBackgroundWork({ largeDemo: true });
      expect(await recordings()).toEqual([largeRecording, 'r-test'].sort());
      expect(progress.some((p) => /^Importing demo song 1 of 1: /.test(p.label) && p.done < p.total)).toBe(true);
      expect(changed).toContain('catalog');
      // Its audio was decoded once, into the PCM cache, during that import.
      const stem = (await callContract(services, 'catalog.recording', { id: largeRecording })).stems[0]!;
      expect(services.pcm.header(stem.sha256)).toMatchObject({ sampleRate: 44100, channels: 2 });

      progress.length = 0;
      await services.startBackgroundWork({ largeDemo: true });
      expect(progress).toEqual([]);
    } finally {
      services.close();
    }
    expect(fs.existsSync(path.join(root, 'data'))).toBe(true);
  }, 60_000);
});
