import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCycles, importGraph } from './importGraph';

const root = path.resolve(import.meta.dirname, '../..');

describe('import cycles', () => {
  it('finds a cycle and names its files', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts', 'd.ts']],
      ['d.ts', []],
      ['self.ts', ['self.ts']],
    ]);
    expect(importCycles(graph)).toEqual(['a.ts → b.ts → c.ts → a.ts (3 files)', 'self.ts → self.ts (1 files)']);
    expect(
      importCycles(
        new Map([
          ['a.ts', ['b.ts']],
          ['b.ts', []],
        ]),
      ),
    ).toEqual([]);
  });

  it('counts type-only imports, re-exports, import() and folder imports; skips packages and tests', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cycles-'));
    const write = (name: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    };
    write('src/a.ts', "import type { B } from './b';\nimport { z } from 'zod';\nexport type A = B;");
    write('src/b.ts', "export { c } from './c';\nexport type B = 1;");
    write('src/c.tsx', "export const c = () => import('./d');");
    write('src/d/index.ts', "import type { A } from '../a';\nexport type D = A;");
    write('src/a.test.ts', "import { c } from './c';");
    try {
      const graph = importGraph(dir, ['src']);
      expect(Object.fromEntries(graph)).toEqual({
        'src/a.ts': ['src/b.ts'],
        'src/b.ts': ['src/c.tsx'],
        'src/c.tsx': ['src/d/index.ts'],
        'src/d/index.ts': ['src/a.ts'],
      });
      expect(importCycles(graph)).toEqual(['src/a.ts → src/b.ts → src/c.tsx → src/d/index.ts → src/a.ts (4 files)']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('main/, renderer/, engine/ and shared/ have none, within or across the layers', () => {
    const graph = importGraph(root, ['main', 'renderer', 'engine', 'shared']);
    expect(graph.size).toBeGreaterThan(300);
    expect(importCycles(graph)).toEqual([]);
  });
});
