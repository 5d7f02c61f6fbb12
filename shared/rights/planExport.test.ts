import { describe, expect, it } from 'vitest';
import type { ProjectDocument } from '../project/documentSchema';
import { createProjectDocument } from '../project/createProjectDocument';
import { sampleDocument, sampleRecording } from '../../tests/fixtures/sampleDocument';
import { masterLicence, publishingLicence, recordingFacts } from '../../tests/fixtures/recordingFacts';
import type { RecordingFacts } from './ExportRights';
import { exportCredits } from './exportCredits';
import { planExport, type ExportFacts, type StoredApproval } from './planExport';
import { catalogView, type SourceLookup, type StemFacts } from './sourceIdentity';

const stems: StemFacts[] = sampleRecording.stems.map((s) => ({
  stemId: s.id,
  stemName: s.name,
  kind: s.kind,
  recordingId: 'rec-1',
  recordingTitle: 'Glass Orchard',
  packageId: 'pkg-1',
  sha256: s.sha256,
  bpm: 100,
  key: 'A minor',
  durationSec: s.durationSec,
  sampleRate: s.sampleRate,
}));
const lookup: SourceLookup = {
  stem: (id) => stems.find((s) => s.stemId === id),
  stemsWithAudio: (sha) => stems.filter((s) => s.sha256 === sha),
  identify: (sha) =>
    stems.filter((s) => s.sha256 === sha).map((stem) => ({ stem, method: 'same-audio' as const, offsetSec: 0, coveredSec: stem.durationSec, confidence: 1 })),
  recordingTitle: (id) => (id === 'rec-1' ? 'Glass Orchard' : undefined),
};
const KEY = 'k'.repeat(64);

/** The facts of `document` (the sample remix) with the recording's facts given, as ExportPlanner would gather them. */
function facts(
  document: ProjectDocument = sampleDocument(),
  { recording = recordingFacts(), ...changes }: Partial<ExportFacts> & { recording?: RecordingFacts } = {},
): ExportFacts {
  return {
    document,
    view: catalogView(document, lookup),
    lookup,
    recordings: new Map([[recording.id, recording]]),
    missing: new Set(),
    territory: 'GB',
    date: '2026-11-24',
    intent: { channel: 'streaming-distribution' },
    approvals: [],
    ...changes,
  };
}
const naming = { creator: 'DJ Kite', title: 'Orchard Dub' };
const codes = (f: ExportFacts) => planExport(f, naming).decision.reasons.map((r) => r.code);

describe('planExport: one decision, and the credits and splits that follow from it', () => {
  it('an allowed remix carries its credits and splits, the creator named in both', () => {
    const plan = planExport(facts(), naming);
    expect(plan.decision.allowed).toBe(true);
    expect(plan.credits[0]).toBe('"Orchard Dub" — remix by DJ Kite.');
    expect(plan.credits).toContain('Stems courtesy of Ember Lane Records.');
    expect(plan.credits).toContain('Written by Mira Vale and Theo Lindqvist, published by Northlight Songs.');
    for (const list of [plan.splits!.master, plan.splits!.publishing]) expect(list.reduce((sum, e) => sum + e.shareBp, 0)).toBe(10000);
    expect(plan.splits!.master.find((e) => e.partyId === 'creator')).toMatchObject({ name: 'DJ Kite', role: 'remixer' });
  });

  it.each<[string, () => ExportFacts, string]>([
    ['an expired licence', () => facts(undefined, { recording: recordingFacts([masterLicence({ validUntil: '2026-06-30' })]) }), 'expired'],
    ['audio not in the library', () => facts(undefined, { missing: new Set([sampleDocument().sources[0]!.id]) }), 'audio-missing'],
    [
      'a channel the licence does not allow',
      () => facts(undefined, { recording: recordingFacts([masterLicence({ scopes: { channels: ['social-only'] } })]) }),
      'channel-not-permitted',
    ],
  ])('refused for %s: reasons, no credits, no splits', (_, make, code) => {
    const plan = planExport(make(), naming);
    expect(plan.decision.allowed).toBe(false);
    expect(plan.decision.reasons.map((r) => r.code)).toContain(code);
    expect(plan).toMatchObject({ credits: [], splits: null });
  });

  it('a forged catalog claim refuses even when every licence allows, its reason first', () => {
    const document = sampleDocument();
    const forged = { ...document, sources: document.sources.map((s, i) => (i === 0 ? { ...s, sha256: sampleRecording.stems[3]!.sha256 } : s)) };
    expect(codes(facts(forged))[0]).toBe('source-misidentified');
  });

  it('an approval counts while in force, signed by the package key, and the plan names it', () => {
    const recording = { ...recordingFacts([masterLicence({ scopes: { approvalRequired: true } })]), packageKeyFingerprint: KEY };
    const approval = (validUntil?: string): StoredApproval => ({
      licenceId: 'L-M',
      keyFingerprint: KEY,
      approvalJson: JSON.stringify({ signature: 'sig', ...(validUntil ? { validUntil } : {}) }),
    });
    expect(codes(facts(undefined, { recording }))).toEqual(['approval-missing']);
    expect(codes(facts(undefined, { recording, approvals: [approval('2026-11-23')] }))).toEqual(['approval-missing']);
    expect(codes(facts(undefined, { recording, approvals: [{ ...approval(), keyFingerprint: 'x'.repeat(64) }] }))).toEqual(['approval-missing']);
    const approved = planExport(facts(undefined, { recording, approvals: [approval('2026-11-24')] }), naming);
    expect(approved.decision.allowed).toBe(true);
    expect(approved.approvals).toEqual([{ licence: 'L-M', keyFingerprint: KEY, signature: 'sig' }]);
  });
});

describe('exportCredits', () => {
  it('a cover credits the covered recording even when none of its audio is heard, then every required credit once', () => {
    const cover = createProjectDocument({ ...sampleRecording, stems: sampleRecording.stems.map((s) => ({ ...s, usable: false })) }, 'cover', 'Cover');
    const decision = { usage: [], relyOn: [publishingLicence()] };
    const lines = exportCredits(
      cover,
      decision,
      new Map([['rec-1', recordingFacts()]]),
      ['Upstream credit.', 'Upstream credit.'],
      'Glass Orchard (live)',
      'DJ Kite',
    );
    expect(lines).toEqual([
      '"Glass Orchard (live)" — cover by DJ Kite.',
      "Cover of 'Glass Orchard' written by Mira Vale and Theo Lindqvist (ISWC T-034.524.680-1), originally recorded by Mira Vale (ISRC ZZ-EMB-26-00017). Used under licence L-P.",
      'Written by Mira Vale and Theo Lindqvist, published by Northlight Songs.',
      'Upstream credit.',
    ]);
  });
});
