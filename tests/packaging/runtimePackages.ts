import fs from 'node:fs';
import path from 'node:path';

/**
 * Dependencies a package needs to be installed but never loads when it runs:
 * better-sqlite3 downloads or builds its binary with prebuild-install at
 * install time; the app only `require`s lib/ and the built .node file.
 */
const INSTALL_ONLY: Record<string, readonly string[]> = { 'better-sqlite3': ['prebuild-install'] };

/**
 * The packages an installed Stemroom loads at run time: package.json's
 * `dependencies` and everything they depend on, without install-only edges.
 * What the packaged app must carry, no more.
 */
export function runtimePackages(root: string): string[] {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    for (const dependency of Object.keys(manifest.dependencies ?? {})) {
      if (!INSTALL_ONLY[name]?.includes(dependency)) visit(dependency);
    }
  };
  const own = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  Object.keys(own.dependencies).forEach(visit);
  return [...seen];
}
