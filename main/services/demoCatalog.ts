import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the bundled demo catalog lives: beside the app in a packaged build
 * (resources/demo-catalog), else in the repository's resources/.
 */
export function defaultDemoCatalogDir(): string | null {
  const candidates = [
    (process as { resourcesPath?: string }).resourcesPath && path.join((process as { resourcesPath?: string }).resourcesPath!, 'demo-catalog'),
    path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'resources', 'demo-catalog'),
  ].filter((c): c is string => Boolean(c));
  return candidates.find((dir) => fs.existsSync(dir)) ?? null;
}

/** The package folders of a demo catalog dir (each holds a manifest.json), in name order. */
export function demoPackages(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(dir, e.name, 'manifest.json')))
    .map((e) => path.join(dir, e.name))
    .sort();
}
