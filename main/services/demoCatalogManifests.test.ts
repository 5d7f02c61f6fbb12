import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { validateCatalogPackage } from '../../shared/catalog/validateCatalogPackage';
import { defaultDemoCatalogDir } from './demoCatalog';

/**
 * Every bundled demo package passes the importer's manifest rules. A demo
 * that fails them is refused at first start (the real-size song is imported
 * in the background, so a refusal there was only an event nobody saw).
 */
it('every bundled demo manifest is a valid catalog package, the real-size song included', () => {
  const dir = defaultDemoCatalogDir()!;
  const slugs = fs.readdirSync(dir).filter((slug) => fs.existsSync(path.join(dir, slug, 'manifest.json')));
  expect(slugs).toContain('tidewater-lantern-harbour');
  for (const slug of slugs) {
    const result = validateCatalogPackage(JSON.parse(fs.readFileSync(path.join(dir, slug, 'manifest.json'), 'utf8')));
    expect(result.ok ? [] : result.problems, slug).toEqual([]);
  }
});
