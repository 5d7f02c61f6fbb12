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

/**
 * Demo packages whose stems add up to more than this are real-size songs
 * (minutes of audio in ten stems): a new library imports them in the
 * background once the studio is up (with progress), not before it opens.
 */
export const LARGE_DEMO_BYTES = 8 * 2 ** 20;

/** Whether a demo package is a real-size one (see LARGE_DEMO_BYTES). */
export function isLargeDemoPackage(packageDir: string): boolean {
  const stems = path.join(packageDir, 'stems');
  if (!fs.existsSync(stems)) return false;
  return fs.readdirSync(stems).reduce((total, name) => total + fs.statSync(path.join(stems, name)).size, 0) > LARGE_DEMO_BYTES;
}

/** The package folders of a demo catalog dir (each holds a manifest.json), in name order. */
export function demoPackages(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(dir, e.name, 'manifest.json')))
    .map((e) => path.join(dir, e.name))
    .sort();
}
