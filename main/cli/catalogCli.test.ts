import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../tests/helpers/tempDir';
import { snapshotDir } from '../../tests/helpers/snapshotDir';
import { dumpDatabase } from '../../tests/helpers/dumpDatabase';
import { writePackage } from '../../tests/fixtures/writePackage';
import { runCliCaptured } from '../../tests/helpers/runCliCaptured';

const cli = (args: string[], env: NodeJS.ProcessEnv = {}) => runCliCaptured(args, env);

describe('stemroom catalog (CLI round trip)', () => {
  it('a fresh library holds the demo catalog', async () => {
    const dataDir = tempDir();
    const list = await cli(['catalog', 'list', '--json', '--data-dir', dataDir]);
    expect(list.code).toBe(0);
    const titles = JSON.parse(list.stdout).items.map((i: { title: string }) => i.title);
    expect(titles).toEqual(['Copper Sky', 'Glass Orchard', 'Night Ferry']);
    // An ISRC as `catalog show` and the app print it finds its recording, as the stored form does.
    for (const isrc of ['ZZ-SLT-25-00203', 'ZZSLT2500203', 'zz-slt-25']) {
      const found = JSON.parse((await cli(['catalog', 'list', isrc, '--json', '--data-dir', dataDir])).stdout);
      expect(found.items.map((i: { title: string }) => i.title)).toEqual(['Night Ferry']);
    }
    expect((await cli(['catalog', 'list', 'ZZ', 'SLT', '25', '00203', '--data-dir', dataDir])).stdout).toMatch(/^1 recording\(s\)[^\n]*\n\S+\s+Night Ferry — /);
  });

  it('imports, lists, searches and shows a package', async () => {
    const dataDir = tempDir();
    const pkg = tempDir();
    writePackage(pkg);
    const imported = await cli(['catalog', 'import', pkg, '--json', '--data-dir', dataDir], { STEMROOM_DATA_DIR: '/nonexistent' });
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ packageId: 'pkg-test', status: 'imported', stems: 3 });

    const found = JSON.parse((await cli(['catalog', 'list', 'ben lyr', '--json', '--data-dir', dataDir])).stdout);
    expect(found.items.map((i: { id: string }) => i.id)).toEqual(['r-test']);

    const remixable = JSON.parse((await cli(['catalog', 'list', '--may-remix', '--territory', 'DE', '--json', '--data-dir', dataDir])).stdout);
    expect(remixable.items.map((i: { title: string }) => i.title)).toEqual(['Glass Orchard', 'Test Song']);

    const shown = await cli(['catalog', 'show', 'r-test', '--json', '--data-dir', dataDir]);
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({ id: 'r-test', isrc: 'ZZTST2600001', work: { iswc: 'T0345246801' } });

    const human = await cli(['catalog', 'show', 'r-test', '--data-dir', dataDir]);
    expect(human.stdout).toContain('written by Ada Writer (composer) 60 %');
    expect(human.stdout).toMatch(/L-M1 \[master, Test Records\] Remix and cover allowed worldwide until 31 Dec 2027/);
  });

  it('refuses a bad package with one line on stderr, exit 1, JSON reasons, and nothing written', async () => {
    const dataDir = tempDir();
    await cli(['info', '--data-dir', dataDir]);
    const before = { db: dumpDatabase(path.join(dataDir, 'library.sqlite')), store: snapshotDir(path.join(dataDir, 'store')) };
    const pkg = tempDir();
    writePackage(pkg, (m) => (m.works[0]!.writers[0]!.shareBp = 5000));
    const refused = await cli(['catalog', 'import', pkg, '--json', '--data-dir', dataDir]);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toMatch(/^stemroom: manifest\.json: works\[0\]\.writers: shares sum to 9000 basis points, not 10000/);
    expect(JSON.parse(refused.stdout)).toMatchObject({ ok: false, error: { details: { file: 'manifest.json', problems: [expect.stringContaining('9000')] } } });
    expect({ db: dumpDatabase(path.join(dataDir, 'library.sqlite')), store: snapshotDir(path.join(dataDir, 'store')) }).toEqual(before);
  });

  it('says which recording does not exist', async () => {
    const result = await cli(['catalog', 'show', 'r-nope', '--data-dir', tempDir()]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('stemroom: There is no recording "r-nope" in the library.\n');
  });

  it('keeps stdout to the result and the package on disk untouched', async () => {
    const pkg = tempDir();
    writePackage(pkg);
    const before = snapshotDir(pkg);
    await cli(['catalog', 'import', pkg, '--data-dir', tempDir()]);
    expect(snapshotDir(pkg)).toEqual(before);
    expect(fs.existsSync(path.join(pkg, 'manifest.json'))).toBe(true);
  });
});
