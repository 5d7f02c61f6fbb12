import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateCatalogPackage } from '../../shared/catalog/validateCatalogPackage';
import { ArchiveFolder } from '../media/ArchiveFolder';
import { checkPackageSignature } from '../trust/packageSignature';
import { defaultDemoCatalogDir, demoPackages, isLargeDemoPackage } from './demoCatalog';
import { tempDir } from '../../tests/helpers/tempDir';

/**
 * Every bundled demo package passes today's import rules and its signature
 * verifies — the real-size one included, whose import runs in the background
 * and would otherwise fail only as a status-bar error on a user's first start
 * (it did, when IPI check digits became mandatory after it was signed).
 */
describe('the bundled demo catalog', () => {
  const dir = defaultDemoCatalogDir()!;
  const packages = demoPackages(dir);

  it('has small songs and at least one real-size song', () => {
    expect(packages.filter((p) => !isLargeDemoPackage(p)).length).toBeGreaterThan(0);
    expect(packages.filter(isLargeDemoPackage).length).toBeGreaterThan(0);
  });

  it.each(packages.map((p) => [path.basename(p), p]))('%s: its manifest is valid and its signature verifies', async (_name, packageDir) => {
    const bytes = fs.readFileSync(path.join(packageDir, 'manifest.json'));
    const result = validateCatalogPackage(JSON.parse(bytes.toString('utf8')));
    expect(result.ok ? [] : result.problems).toEqual([]);
    const folder = await ArchiveFolder.open(packageDir, tempDir(), { indexFile: 'manifest.json', what: 'a package' });
    expect(checkPackageSignature(folder, bytes).status).toBe('signed');
  });
});
