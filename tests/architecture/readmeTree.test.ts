import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/** The README's one-screen tree, cut into each top-level entry's lines (`main/` → its indented lines). */
function screenSections(): Map<string, string> {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const screen = /## Architecture in one screen\n+```\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  const sections = new Map<string, string>();
  let current = '';
  for (const line of screen.split('\n')) {
    if (/^\S/.test(line)) current = line.split(/\s/)[0]!;
    sections.set(current, `${sections.get(current) ?? ''}${line}\n`);
  }
  return sections;
}

it("README's one-screen architecture names every folder of every layer, under its layer", () => {
  const sections = screenSections();
  const missing = ['shared', 'main', 'engine', 'renderer'].flatMap((layer) => {
    const section = sections.get(`${layer}/`) ?? '';
    return fs
      .readdirSync(path.join(root, layer), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !new RegExp(`(^|[\\s,(])${entry.name}/`, 'm').test(section))
      .map((entry) => `${layer}/${entry.name}/`);
  });
  expect([...sections.keys()]).toEqual(expect.arrayContaining(['shared/', 'main/', 'engine/', 'renderer/']));
  expect(missing).toEqual([]);
});
