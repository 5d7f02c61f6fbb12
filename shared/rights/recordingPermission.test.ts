import { describe, expect, it } from 'vitest';
import type { Licence } from '../catalog/catalogPackageSchema';
import { recordingPermission, stemUsability, type RecordingRights } from './recordingPermission';
import { licenceSummary } from './licenceSummary';

const base: Licence = {
  id: 'L-1',
  licensor: 'p',
  type: 'master',
  recording: 'r',
  uses: ['remix'],
  territories: { include: ['WORLD'], exclude: [] },
  validFrom: '2026-01-01',
  validUntil: '2027-12-31',
  creditText: 'Credit line.',
  stemRules: [],
  revenue: { rightsHolderShareBp: 7000 },
};
const publishing: Licence = { ...base, id: 'L-P', type: 'publishing', recording: undefined, work: 'w', uses: ['remix', 'cover'], validUntil: undefined };
const rights = (master: Partial<Licence>[] = [{}], pub: Partial<Licence>[] = [{}]): RecordingRights => ({
  title: 'Glass Orchard',
  workTitle: 'Glass Orchard',
  masterLicences: master.map((m) => ({ ...base, ...m })),
  publishingLicences: pub.map((p) => ({ ...publishing, ...p })),
});

describe('recordingPermission', () => {
  it.each<[string, RecordingRights, 'remix' | 'cover', string, string, RegExp | null]>([
    ['remix allowed worldwide', rights(), 'remix', 'GB', '2026-06-01', null],
    ['remix not permitted by the master licence', rights([{ uses: ['sample'] }]), 'remix', 'GB', '2026-06-01', /Licence L-1 does not permit remixes/],
    ['no master licence at all', rights([]), 'remix', 'GB', '2026-06-01', /no master licence for "Glass Orchard"/],
    [
      'territory excluded',
      rights([{ territories: { include: ['WORLD'], exclude: ['DE'] } }]),
      'remix',
      'DE',
      '2026-06-01',
      /Remixes are not allowed in Germany \(DE\)/,
    ],
    [
      'territory not included',
      rights([{ territories: { include: ['GB', 'IE'], exclude: [] } }]),
      'remix',
      'US',
      '2026-06-01',
      /does not cover United States \(US\)/,
    ],
    ['not yet valid', rights([{ validFrom: '2027-01-01' }]), 'remix', 'GB', '2026-06-01', /not valid until 1 Jan 2027/],
    ['expired', rights([{ validUntil: '2026-06-30' }]), 'remix', 'GB', '2026-07-01', /expired on 30 Jun 2026/],
    ['valid on its last day', rights([{ validUntil: '2026-06-30' }]), 'remix', 'GB', '2026-06-30', null],
    ['missing publishing licence', rights([{}], []), 'remix', 'GB', '2026-06-01', /no publishing licence for the composition/],
    ['cover needs only publishing', rights([]), 'cover', 'GB', '2026-06-01', null],
    ['cover not permitted', rights([], [{ uses: ['remix'] }]), 'cover', 'GB', '2026-06-01', /does not permit covers/],
    ['a second licence covers what the first does not', rights([{ validUntil: '2026-01-31' }, { id: 'L-2' }]), 'remix', 'GB', '2026-06-01', null],
  ])('%s', (_name, input, use, territory, date, refusal) => {
    const permission = recordingPermission(input, use, territory, date);
    if (refusal === null) {
      expect(permission.reasons).toEqual([]);
      expect(permission.allowed).toBe(true);
    } else {
      expect(permission.allowed).toBe(false);
      expect(permission.reasons.join(' ')).toMatch(refusal);
    }
  });

  it('names the licences a permission relies on', () => {
    const permission = recordingPermission(rights([{ validUntil: '2026-01-31' }, { id: 'L-2' }]), 'remix', 'GB', '2026-06-01');
    expect(permission.relyOn.map((l) => l.id)).toEqual(['L-2', 'L-P']);
  });
});

describe('stemUsability', () => {
  const vocals = { id: 's-vox', name: 'Lead vocal' };
  it('forbids a stem its licence marks not usable, with the reason', () => {
    const usability = stemUsability(vocals, [{ ...base, stemRules: [{ stem: 's-vox', rule: 'not-usable' }] }], 'remix', 'GB', '2026-06-01');
    expect(usability).toMatchObject({ usable: false, reason: 'Licence L-1 does not allow the stem "Lead vocal" to be used in remixes.' });
  });
  it('applies a rule only to the uses it names', () => {
    const licence: Licence = { ...base, uses: ['remix', 'cover'], stemRules: [{ stem: 's-vox', rule: 'not-usable', uses: ['cover'] }] };
    expect(stemUsability(vocals, [licence], 'remix', 'GB', '2026-06-01').usable).toBe(true);
    expect(stemUsability(vocals, [licence], 'cover', 'GB', '2026-06-01').usable).toBe(false);
  });
  it('keeps pitch and stretch restrictions on usable stems', () => {
    const usability = stemUsability(vocals, [{ ...base, stemRules: [{ stem: 's-vox', rule: 'no-pitch-shift' }] }], 'remix', 'GB', '2026-06-01');
    expect(usability).toMatchObject({ usable: true, restrictions: ['no-pitch-shift'] });
  });
  it('refuses every stem when no master licence covers the use', () => {
    expect(stemUsability(vocals, [], 'cover', 'GB', '2026-06-01')).toMatchObject({ usable: false, reason: 'No master licence covers the stem "Lead vocal".' });
  });
});

describe('licenceSummary', () => {
  it('reads like a licence', () => {
    const licence: Licence = {
      ...base,
      uses: ['remix', 'sample'],
      territories: { include: ['WORLD'], exclude: ['DE', 'FR'] },
      stemRules: [{ stem: 's-vox', rule: 'not-usable' }],
      creditText: 'Stems courtesy of Ember Lane Records.',
    };
    expect(licenceSummary(licence, '2026-06-01', new Map([['s-vox', 'Lead vocal']]))).toBe(
      'Remix and sampling allowed worldwide except Germany and France until 31 Dec 2027. The stem "Lead vocal" may not be used. ' +
        "Rights holders receive 70 % of the derivative's master revenue. Credit: Stems courtesy of Ember Lane Records.",
    );
  });
});
