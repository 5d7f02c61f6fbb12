import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArchiveFolder } from '../media/ArchiveFolder';
import { checkPackageSignature } from '../trust/packageSignature';
import { defaultDemoCatalogDir, demoPackages } from './demoCatalog';
import { tempDir } from '../../tests/helpers/tempDir';

/**
 * Every bundled demo package's signature verifies against its manifest (a
 * manifest corrected without re-signing is refused at import like any
 * other). demoCatalogManifests.test.ts holds the manifests to the rules.
 */
describe('the bundled demo catalog', () => {
  it.each(demoPackages(defaultDemoCatalogDir()!).map((p) => [path.basename(p), p]))('%s: signed, and the signature verifies', async (_name, packageDir) => {
    const bytes = fs.readFileSync(path.join(packageDir, 'manifest.json'));
    const folder = await ArchiveFolder.open(packageDir, tempDir(), { indexFile: 'manifest.json', what: 'a package' });
    expect(checkPackageSignature(folder, bytes).status).toBe('signed');
  });
});
