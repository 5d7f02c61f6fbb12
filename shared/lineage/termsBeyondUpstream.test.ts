import { describe, expect, it } from 'vitest';
import type { Licence } from '../catalog/catalogPackageSchema';
import { masterLicence } from '../../tests/fixtures/recordingFacts';
import { relicensingProblems, termsBeyondUpstream, type DerivativeContext } from './termsBeyondUpstream';
import type { UpstreamLicence } from './UpstreamLicence';

const upstreamLicence = (changes: Partial<Licence> = {}): UpstreamLicence => ({
  licence: {
    ...masterLicence(),
    id: 'L-M1',
    relicense: ['remix'],
    territories: { include: ['WORLD'], exclude: ['DE'] },
    stemRules: [{ stem: 's-vox', rule: 'no-pitch-shift' }],
    ...changes,
  },
  licensorName: 'Test Records',
  packageId: 'pkg-test',
  packageKeyFingerprint: 'f'.repeat(64),
  recordingId: 'r-test',
  recordingTitle: 'Test Song',
});
const vox = { packageId: 'pkg-test', recordingId: 'r-test', recordingTitle: 'Test Song', stemId: 's-vox', stemName: 'Lead vocal' };
const context = (upstream = [upstreamLicence()]): DerivativeContext => ({
  upstream,
  stems: [
    { id: 'd-mix', name: 'Mix', contains: [vox] },
    { id: 'd-drums', name: 'Drums', contains: [] },
  ],
});
/** A derivative licence exactly at the bound: it passes. */
const bounded = (changes: Partial<Licence> = {}): Licence => ({
  ...masterLicence(),
  id: 'D-M',
  recording: 'd-r',
  uses: ['remix'],
  territories: { include: ['WORLD'], exclude: ['DE'] },
  validFrom: '2026-01-01',
  validUntil: '2027-12-31',
  stemRules: [{ stem: 'd-mix', rule: 'no-pitch-shift', inherited: { licence: 'L-M1', package: 'pkg-test', recording: 'r-test', stem: 's-vox' } }],
  ...changes,
});

describe('a derivative licence never grants more than upstream', () => {
  it('passes at the bound', () => {
    expect(termsBeyondUpstream(bounded(), context())).toEqual([]);
  });

  it.each<[string, Partial<Licence>, RegExp]>([
    [
      'a use upstream does not re-license',
      { uses: ['remix', 'cover'] },
      /^uses: "cover" is wider than upstream: licence L-M1 of Test Records \(for "Test Song"\) lets derivatives be re-licensed only for remix$/,
    ],
    ['re-licensing a use upstream does not', { relicense: ['cover'], uses: ['remix'] }, /^relicense: "cover" is wider than upstream/],
    [
      'an excluded territory',
      { territories: { include: ['WORLD'], exclude: [] } },
      /^territories: Germany \(DE\) is excluded by licence L-M1 of Test Records \(for "Test Song"\)$/,
    ],
    ['a start before upstream', { validFrom: '2025-12-31' }, /^validFrom: 2025-12-31 is before licence L-M1 .* starts \(2026-01-01\)$/],
    ['no end where upstream ends', { validUntil: undefined }, /^validUntil: no end date is after licence L-M1 .* ends \(2027-12-31\)$/],
    ['a later end', { validUntil: '2028-01-01' }, /^validUntil: 2028-01-01 is after licence L-M1/],
    [
      'a channel upstream does not allow',
      { scopes: { channels: ['streaming-distribution'] } },
      /^scopes\.channels: "streaming-distribution" \(streaming and download distribution\) is not allowed by licence L-M1/,
    ],
    [
      'an AI use upstream does not allow',
      { scopes: { channels: ['social-only'], aiUse: { training: true } } },
      /^scopes\.aiUse\.training: AI training is not allowed by licence L-M1/,
    ],
    [
      'dropping an inherited stem rule',
      { stemRules: [] },
      /^stemRules: the stem "Mix" contains "Lead vocal" of "Test Song", which may not be pitch-shifted under licence L-M1 of Test Records \(for "Test Song"\); the derivative's licence must say so$/,
    ],
    [
      'an inherited rule upstream never made',
      {
        stemRules: [
          { stem: 'd-drums', rule: 'no-time-stretch', inherited: { licence: 'L-M1', package: 'pkg-test', recording: 'r-test', stem: 's-drums' } },
          ...bounded().stemRules,
        ],
      },
      /^stemRules\[0\]\.inherited: licence L-M1 of package "pkg-test" has no "no-time-stretch" rule for stem "s-drums"/,
    ],
  ])('refuses %s', (_, changes, message) => {
    const upstream = changes.scopes ? [upstreamLicence({ scopes: { channels: ['social-only'] } })] : [upstreamLicence()];
    expect(termsBeyondUpstream(bounded(changes), context(upstream))[0]).toMatch(message);
  });

  it('keeps approval where upstream requires it', () => {
    const upstream = [upstreamLicence({ scopes: { approvalRequired: true } })];
    expect(termsBeyondUpstream(bounded(), context(upstream))).toEqual([
      expect.stringMatching(/^scopes\.approvalRequired: licence L-M1 .* requires the licensor's approval of every export/),
    ]);
    expect(termsBeyondUpstream(bounded({ scopes: { approvalRequired: true } }), context(upstream))).toEqual([]);
  });

  it('an export may be published as a source only when every licence it relied on lets its use be re-licensed', () => {
    expect(relicensingProblems([upstreamLicence()], 'remix')).toEqual([]);
    expect(relicensingProblems([upstreamLicence({ relicense: undefined })], 'remix')).toEqual([
      'Licence L-M1 of Test Records (for "Test Song") does not let remixes be re-licensed: this export may be released for listening, not published as a source.',
    ]);
  });
});
