import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogPackage, Licence } from '../../shared/catalog/catalogPackageSchema';
import { generateCatalogPackage } from '../../tests/fixtures/generateCatalogPackage';
import { tempDir } from '../../tests/helpers/tempDir';
import { catalogSearchQueries, ftsQuery, type CatalogSearch } from './catalogSearchQueries';
import { catalogWriteQueries } from './catalogWriteQueries';
import { openLibraryDatabase } from './openLibraryDatabase';

/** One recording as a straightforward reference sees it: every searchable word, and the licences that apply to it. */
interface Reference {
  id: string;
  title: string;
  artist: string;
  words: string[];
  bpm: number;
  key: string;
  master?: Licence;
  publishing?: Licence;
}

function words(...fields: string[]): string[] {
  return fields
    .join(' ')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function references(pkg: CatalogPackage): Reference[] {
  const names = new Map(pkg.parties.map((p) => [p.id, p.name]));
  const works = new Map(pkg.works.map((w) => [w.id, w]));
  return pkg.recordings.map((r) => {
    const work = works.get(r.work)!;
    const people = [...work.writers, ...work.publishers, ...r.masterOwners, ...r.credits].map((s) => names.get(s.party)!);
    return {
      id: r.id,
      title: r.title,
      artist: r.displayArtist,
      bpm: r.bpm,
      key: r.key,
      words: words(r.title, r.displayArtist, work.title, ...people, r.label, r.isrc),
      master: pkg.licences.find((l) => l.type === 'master' && l.recording === r.id),
      publishing: pkg.licences.find((l) => l.type === 'publishing' && l.work === r.work),
    };
  });
}

function permits(licence: Licence | undefined, use: string, territory: string, date: string): boolean {
  if (!licence || !licence.uses.includes(use as never) || licence.validFrom > date || (licence.validUntil && licence.validUntil < date)) return false;
  return (licence.territories.include.includes('WORLD') || licence.territories.include.includes(territory)) && !licence.territories.exclude.includes(territory);
}

/** The whole search done the obvious way: filter everything, sort everything (ties in insertion order), slice. */
function referenceSearch(all: readonly Reference[], s: CatalogSearch): { total: number; ids: string[] } {
  const query = s.text ? words(s.text) : [];
  const hits = all.filter(
    (r) =>
      query.every((q) => r.words.some((w) => w.startsWith(q))) &&
      (s.bpmMin === undefined || r.bpm >= s.bpmMin) &&
      (s.bpmMax === undefined || r.bpm <= s.bpmMax) &&
      (s.key === undefined || r.key === s.key) &&
      (!s.mayRemix || (permits(r.master, 'remix', s.territory, s.date) && permits(r.publishing, 'remix', s.territory, s.date))) &&
      (!s.mayCover || permits(r.publishing, 'cover', s.territory, s.date)),
  );
  const lower = (a: string) => a.toLowerCase();
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const byTitle = (a: Reference, b: Reference) => compare(lower(a.title), lower(b.title));
  const order = {
    title: byTitle,
    artist: (a: Reference, b: Reference) => compare(lower(a.artist), lower(b.artist)) || byTitle(a, b),
    bpm: (a: Reference, b: Reference) => a.bpm - b.bpm || byTitle(a, b),
  }[s.sort];
  const sorted = [...hits].sort(order); // stable: ties keep insertion (rowid) order
  return { total: hits.length, ids: sorted.slice(s.offset, s.offset + s.limit).map((r) => r.id) };
}

describe('catalog search over a generated catalog of 600 recordings', () => {
  let search: ReturnType<typeof catalogSearchQueries>['search'];
  const all: Reference[] = [];

  beforeAll(() => {
    const db = openLibraryDatabase(path.join(tempDir(), 'library.sqlite'));
    const writes = catalogWriteQueries(db);
    const analysis = { format: 'wav', sampleRate: 48000, channels: 2, frames: 48000, loudnessLufs: -14, peakDbfs: -1, peaks: new Uint8Array(8) };
    for (let i = 0; i < 3; i++) {
      const pkg = generateCatalogPackage(i, 200);
      const analyses = new Map(pkg.recordings.flatMap((r) => r.stems.map((stem) => [stem.id, analysis] as const)));
      writes.writePackage({
        pkg,
        manifestJson: '{}',
        manifestSha256: String(i).padStart(64, '0'),
        analyses,
        importedAt: '2026-11-24T00:00:00Z',
        signature: null,
      });
      all.push(...references(pkg));
    }
    search = catalogSearchQueries(db).search;
  });

  const base = { territory: 'DE', date: '2026-11-24', sort: 'title', offset: 0, limit: 50 } as const;
  const cases: Array<[string, Partial<CatalogSearch>]> = [
    ['everything, by title', {}],
    ['a deep page by artist', { sort: 'artist', offset: 410 }],
    ['past the last page', { offset: 5000 }],
    ['a word prefix', { text: 'gla' }],
    ['two prefixes', { text: 'night FERR' }],
    ['FTS syntax typed by the user is plain text', { text: '"river" OR NOT*' }],
    ['BPM range and key, by BPM', { bpmMin: 100, bpmMax: 140, key: 'A minor', sort: 'bpm' }],
    ['I may remix in DE', { mayRemix: true }],
    ['I may cover in DE', { mayCover: true, sort: 'artist' }],
    ['both permissions', { mayRemix: true, mayCover: true, offset: 100 }],
    ['both permissions in the US on another day', { mayRemix: true, mayCover: true, territory: 'US', date: '2026-03-01' }],
    ['text, BPM and permission', { text: 'river', bpmMin: 90, bpmMax: 150, mayCover: true }],
    ['permission and a key', { mayRemix: true, key: 'C major', sort: 'bpm' }],
  ];

  it.each(cases)('%s: same total and same page as the reference', (_name, change) => {
    const request = { ...base, ...change } as CatalogSearch;
    const result = search(request);
    const expected = referenceSearch(all, request);
    expect(result.total).toBe(expected.total);
    expect(result.rows.map((r) => r.id)).toEqual(expected.ids);
  });

  it('the generated catalog exercises every licence situation', () => {
    const remixable = referenceSearch(all, { ...base, mayRemix: true, limit: 1000 } as CatalogSearch).total;
    const coverable = referenceSearch(all, { ...base, mayCover: true, limit: 1000 } as CatalogSearch).total;
    expect(remixable).toBeGreaterThan(0);
    expect(remixable).toBeLessThan(coverable);
    expect(coverable).toBeLessThan(all.length);
  });
});

describe('ftsQuery', () => {
  it.each([
    ['glass orch', '"glass"* "orch"*'],
    ['"river" OR NOT*', '"river"* "OR"* "NOT"*'],
    ['ZZ-SLT-25-00203', '"ZZSLT2500203"*'],
    ['zz slt 25 00203', '"zzslt2500203"*'],
    ['ZZ-SLT-25', '(("ZZ"* AND "SLT"* AND "25"*) OR "ZZSLT25"*)'],
    ['Up-And-Coming', '"Up"* "And"* "Coming"*'],
    ['ferry up-and', '"ferry"* (("up"* AND "and"*) OR "upand"*)'],
    // Shaped like a whole ISRC (two letters, three, two digits, five digits): searched as one.
    ['we are 12 34567', '"weare1234567"*'],
    ['night ZZ-SLT-25-00203', '"night"* "ZZSLT2500203"*'],
    ['  --- ', null],
  ])('%s → %s', (text, query) => {
    expect(ftsQuery(text)).toBe(query);
  });

  it('keeps at most twelve words', () => {
    expect(ftsQuery(Array.from({ length: 20 }, (_, i) => `w${i}`).join(' '))!.split(' ')).toHaveLength(12);
  });
});

describe('catalog search by ISRC', () => {
  it('finds a recording by its ISRC as stored, as the app prints it, with spaces, and by its start', () => {
    const db = openLibraryDatabase(path.join(tempDir(), 'library.sqlite'));
    const writes = catalogWriteQueries(db);
    const pkg = generateCatalogPackage(9, 30);
    const analysis = { format: 'wav', sampleRate: 48000, channels: 2, frames: 48000, loudnessLufs: -14, peakDbfs: -1, peaks: new Uint8Array(8) };
    const analyses = new Map(pkg.recordings.flatMap((r) => r.stems.map((stem) => [stem.id, analysis] as const)));
    writes.writePackage({ pkg, manifestJson: '{}', manifestSha256: '9'.padStart(64, '0'), analyses, importedAt: '2026-11-24T00:00:00Z', signature: null });
    const search = catalogSearchQueries(db).search;
    const target = pkg.recordings[17]!;
    const compact = target.isrc.replace(/-/g, '');
    const printed = `${compact.slice(0, 2)}-${compact.slice(2, 5)}-${compact.slice(5, 7)}-${compact.slice(7)}`;
    const ids = (text: string) => search({ text, territory: 'DE', date: '2026-11-24', sort: 'title', offset: 0, limit: 50 }).rows.map((r) => r.id);
    for (const text of [compact, printed, printed.toLowerCase(), printed.replaceAll('-', ' ')]) expect(ids(text)).toEqual([target.id]);
    expect(ids(printed.slice(0, 9))).toContain(target.id);
  });
});
