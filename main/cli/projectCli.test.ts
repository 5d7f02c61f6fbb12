import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../tests/helpers/tempDir';
import { runCliCaptured } from '../../tests/helpers/runCliCaptured';

const cli = (...args: string[]) => runCliCaptured(args);

describe('stemroom project (CLI)', () => {
  it('creates, lists, shows, exports and re-imports a remix of the demo catalog', async () => {
    const dataDir = tempDir();
    const created = await cli('project', 'create', '--recording', 'emb-r-glass-orchard', '--kind', 'remix', '--json', '--data-dir', dataDir);
    expect(created.code).toBe(0);
    const project = JSON.parse(created.stdout);
    expect(project).toMatchObject({ name: 'Glass Orchard (Remix)', kind: 'remix' });

    const list = JSON.parse((await cli('project', 'list', '--json', '--data-dir', dataDir)).stdout);
    expect(list.map((p: { id: string }) => p.id)).toEqual([project.id]);

    const shown = await cli('project', 'show', project.id, '--data-dir', dataDir);
    expect(shown.stdout).toMatch(/Glass Orchard \(Remix\) — remix of emb-r-glass-orchard, 100 BPM, A minor, 4\/4/);
    expect(shown.stdout).toMatch(/Lead vocal\s+1 clip\(s\)/);

    const file = path.join(tempDir(), 'remix.stemroom');
    expect((await cli('project', 'export-file', project.id, '--out', file, '--data-dir', dataDir)).code).toBe(0);
    const other = tempDir();
    const imported = JSON.parse((await cli('project', 'import', file, '--json', '--data-dir', other)).stdout);
    expect(imported.missing).toEqual([]);
    const a = JSON.parse((await cli('project', 'show', project.id, '--json', '--data-dir', dataDir)).stdout).document;
    const b = JSON.parse((await cli('project', 'show', imported.project.id, '--json', '--data-dir', other)).stdout).document;
    expect(b).toEqual(a);
  });

  it('refuses a cover of a recording whose licences do not allow covers, with the reason', async () => {
    const result = await cli('project', 'create', '--recording', 'kd-r-copper-sky', '--kind', 'cover', '--data-dir', tempDir());
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('stemroom: "Copper Sky" may not be covered: Licence BWP-P-7781 does not permit covers.\n');
  });

  it('explains usage mistakes', async () => {
    const result = await cli('project', 'create', '--recording', 'x', '--kind', 'mashup', '--data-dir', tempDir());
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--kind is remix or cover/);
    expect(fs.existsSync(path.join(tempDir(), 'library.sqlite'))).toBe(false);
  });
});
