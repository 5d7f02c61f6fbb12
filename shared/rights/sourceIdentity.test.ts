import { describe, expect, it } from 'vitest';
import type { CatalogSource, ProjectDocument, RecordingSource } from '../project/documentSchema';
import { catalogClaimProblem, catalogView, type SourceLookup, type StemFacts } from './sourceIdentity';

const stem = (id: string, recordingId: string, recordingTitle: string, sha256: string, kind: StemFacts['kind']): StemFacts => ({
  stemId: id,
  stemName: id.replace(/^s-/, ''),
  kind,
  recordingId,
  recordingTitle,
  packageId: `pkg-${recordingId}`,
  sha256,
  bpm: 120,
  key: 'A minor',
  durationSec: 180,
  sampleRate: 44100,
});
const drums = stem('s-drums', 'r-orchard', 'Glass Orchard', 'a'.repeat(64), 'drums');
const vocals = stem('s-vocals', 'r-ferry', 'Night Ferry', 'b'.repeat(64), 'vocals');
const stems = [drums, vocals];
const lookup: SourceLookup = {
  stem: (id) => stems.find((s) => s.stemId === id),
  stemsWithAudio: (sha) => stems.filter((s) => s.sha256 === sha),
  identify: (sha) => {
    const same = stems.find((s) => s.sha256 === sha);
    if (same) return [{ stem: same, method: 'same-audio', offsetSec: 0, coveredSec: 180, confidence: 1 }];
    if (sha === 'c'.repeat(64)) return [{ stem: vocals, method: 'fingerprint', offsetSec: 12.5, coveredSec: 20, confidence: 0.9 }];
    if (sha === 'f'.repeat(64))
      return [
        { stem: vocals, method: 'fingerprint', offsetSec: 0, coveredSec: 30, confidence: 0.8 },
        { stem: drums, method: 'fingerprint', offsetSec: 4, coveredSec: 30, confidence: 0.7 },
      ];
    return [];
  },
  recordingTitle: (id) => ({ 'r-orchard': 'Glass Orchard', 'r-ferry': 'Night Ferry' })[id],
};

const claim = (changes: Partial<CatalogSource>): CatalogSource => ({
  id: 'src',
  type: 'catalog',
  stemId: 's-drums',
  recordingId: 'r-orchard',
  packageId: 'pkg-r-orchard',
  sha256: drums.sha256,
  name: 'Drums',
  kind: 'drums',
  bpm: 120,
  key: 'A minor',
  durationSec: 180,
  sampleRate: 44100,
  ...changes,
});
const take = (sha256: string): RecordingSource => ({
  id: 'take',
  type: 'recording',
  sha256,
  name: 'My vocal take',
  bpm: 96,
  durationSec: 30,
  sampleRate: 48000,
  recordedAt: '2026-11-30T10:00:00Z',
});

describe('catalogClaimProblem: a catalog source is what the catalog says, or forged', () => {
  it.each([
    ['the true claim', {}, null],
    [
      'a different package of a missing recording (cannot be judged: its audio is missing too)',
      { stemId: 's-x', recordingId: 'r-x', packageId: 'pkg-x', sha256: 'd'.repeat(64) },
      null,
    ],
    [
      "another stem's audio under this stem's name",
      { sha256: vocals.sha256 },
      'Source "Drums" claims to be the stem "drums" of "Glass Orchard", but its audio is the stem "vocals" of "Night Ferry".',
    ],
    [
      "unknown audio under this stem's name",
      { sha256: 'd'.repeat(64) },
      'Source "Drums" claims to be the stem "drums" of "Glass Orchard", but its audio is not that stem\'s audio.',
    ],
    [
      'another recording',
      { recordingId: 'r-ferry' },
      'Source "Drums" claims to be the stem "drums" of "Glass Orchard", but names recording "r-ferry" as its recording.',
    ],
    [
      'another package',
      { packageId: 'pkg-r-ferry' },
      'Source "Drums" claims to be the stem "drums" of "Glass Orchard", but names package "pkg-r-ferry" as its package.',
    ],
    [
      'an invented stem with catalog audio',
      { stemId: 's-invented', sha256: vocals.sha256 },
      'Source "Drums" claims to be stem "s-invented", which is not in this library, but its audio is the stem "vocals" of "Night Ferry".',
    ],
    [
      'an invented stem of a known recording',
      { stemId: 's-invented', sha256: 'd'.repeat(64) },
      'Source "Drums" claims to be stem "s-invented" of "Glass Orchard", which has no such stem.',
    ],
  ] as const)('%s', (_, changes, expected) => {
    expect(catalogClaimProblem(claim(changes), lookup)).toBe(expected);
  });
});

describe('catalogView: facts from the catalog, own audio that is catalog audio becomes that stem', () => {
  const document = {
    key: 'C major',
    bpm: 100,
    kind: 'remix',
    clips: [],
    sources: [claim({ bpm: 100, key: 'C major', kind: 'vocals', name: 'renamed' }), take(vocals.sha256), take('c'.repeat(64)), take('e'.repeat(64))].map(
      (s, i) => ({ ...s, id: `src-${i}` }),
    ),
  } as unknown as ProjectDocument;
  const view = catalogView(document, lookup);

  it("replaces a catalog source's claimed tempo, key, kind and name with the catalog's", () => {
    expect(view.document.sources[0]).toMatchObject({ bpm: 120, key: 'A minor', kind: 'drums', name: 'drums' });
    expect(view.rightsDocument.sources[0]).toEqual(view.document.sources[0]);
  });

  it('renders own audio as it is, but judges it as the catalog stem it is (same bytes or fingerprint)', () => {
    expect(view.document.sources.slice(1)).toEqual(document.sources.slice(1));
    expect(view.rightsDocument.sources[1]).toMatchObject({
      type: 'catalog',
      stemId: 's-vocals',
      recordingId: 'r-ferry',
      sha256: vocals.sha256,
      bpm: 96,
      key: 'C major',
      name: 'My vocal take',
    });
    expect(view.rightsDocument.sources[2]).toMatchObject({ type: 'catalog', stemId: 's-vocals' });
    expect(view.rightsDocument.sources[3]).toEqual(document.sources[3]);
    expect([...view.identified.entries()].map(([id, i]) => [id, i.method, i.ownSha256.slice(0, 1)])).toEqual([
      ['src-1', 'same-audio', 'b'],
      ['src-2', 'fingerprint', 'c'],
    ]);
  });

  it("a take holding two catalog stems is judged as both: the second on copies of the take's clips", () => {
    const mixed = { ...document, sources: [take('f'.repeat(64))], clips: [{ id: 'c1', sourceId: 'take', trackId: 't1' }] } as unknown as ProjectDocument;
    const judged = catalogView(mixed, lookup).rightsDocument;
    expect(judged.sources.map((s) => [s.id, s.type === 'catalog' ? s.stemId : '-'])).toEqual([
      ['take', 's-vocals'],
      ['take~1', 's-drums'],
    ]);
    expect(judged.clips.map((c) => [c.id, c.sourceId])).toEqual([
      ['c1', 'take'],
      ['c1~1', 'take~1'],
    ]);
  });
});
