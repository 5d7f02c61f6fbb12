import { describe, expect, it } from 'vitest';
import { sampleManifest } from '../../tests/fixtures/sampleManifest';
import type { CatalogPackageInput } from './catalogPackageSchema';
import { validateCatalogPackage } from './validateCatalogPackage';

const stems = [{ id: 's-vox', name: 'Lead vocal', kind: 'vocals', file: 'stems/vox.wav', sha256: 'a'.repeat(64) }];
const manifest = (change: (m: CatalogPackageInput) => void) => {
  const m = sampleManifest(stems);
  change(m);
  return validateCatalogPackage(JSON.parse(JSON.stringify(m)));
};

describe('stemroom-catalog/2 beside /1', () => {
  it('a /1 manifest still reads, and means what it meant: its licences carry no scopes and no re-licensing', () => {
    const result = manifest(() => undefined);
    expect(result.ok && result.value.licences.map((l) => [l.scopes, l.relicense])).toEqual([
      [undefined, undefined],
      [undefined, undefined],
    ]);
  });

  it.each<[string, (m: CatalogPackageInput) => void, string]>([
    ['re-licensing', (m) => (m.licences![0]!.relicense = ['remix']), 'licences[0].relicense: re-licensing needs format "stemroom-catalog/2"'],
    ['a scope', (m) => (m.licences![0]!.scopes = { channels: ['social-only'] }), 'licences[0].scopes: a scope needs format "stemroom-catalog/2"'],
    [
      'a stem that contains upstream stems',
      (m) => (m.recordings[0]!.stems[0]!.contains = []),
      'recordings[0].stems[0].contains: "contains" needs format "stemroom-catalog/2"',
    ],
  ])('a /1 manifest with %s is refused, not silently read as /1', (_, change, problem) => {
    expect(manifest(change)).toEqual({ ok: false, problems: expect.arrayContaining([expect.stringContaining(problem)]) });
    expect(manifest((m) => (change(m), (m.format = 'stemroom-catalog/2'))).ok).toBe(problem.includes('contains') ? false : true);
  });

  it('re-licensing a use the licence does not grant is refused', () => {
    const result = manifest((m) => ((m.format = 'stemroom-catalog/2'), (m.licences![0]!.relicense = ['sample'])));
    expect(result).toEqual({ ok: false, problems: ['licences.0.relicense: re-licensing derivatives made by sample needs the licence to permit sample'] });
  });

  it('stems of a derivative are refused in a package that is not one', () => {
    const result = manifest((m) => ((m.format = 'stemroom-catalog/2'), (m.recordings[0]!.stems[0]!.mix = true)));
    expect(result).toEqual({ ok: false, problems: [expect.stringMatching(/describe a derivative's stems; this package has no "derivative"/)] });
  });
});
