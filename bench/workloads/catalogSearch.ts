import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Workload } from '../Workload';
import { measure, median, round } from '../measure';
import { StemroomServices } from '../../main/services/StemroomServices';
import { catalogWriteQueries, type StoredStemAnalysis } from '../../main/db/catalogWriteQueries';
import type { CatalogSearch } from '../../main/db/catalogSearchQueries';
import type { CatalogPackage, Licence } from '../../shared/catalog/catalogPackageSchema';
import { generateCatalogPackage } from '../../tests/fixtures/generateCatalogPackage';

const RECORDINGS = Number(process.env.STEMROOM_BENCH_RECORDINGS ?? 100_000);
const PER_PACKAGE = 1000;
const TERRITORY = 'DE';
const DATE = '2026-11-24';

/** One query of the Catalog place (territory, date and page size are the workload's). */
type SearchCase = Omit<CatalogSearch, 'territory' | 'date' | 'limit'> & { readonly name: string };

/** What a user types and clicks in the Catalog place, from broad to narrow. */
const CASES: readonly SearchCase[] = [
  { name: 'first page, by title', sort: 'title', offset: 0 },
  { name: 'deep page (offset 50,000), by artist', sort: 'artist', offset: 50_000 },
  { name: 'word prefix "gla"', text: 'gla', sort: 'title', offset: 0 },
  { name: 'two words "night ferr"', text: 'night ferr', sort: 'title', offset: 0 },
  { name: 'artist syllables "kalo"', text: 'kalo', sort: 'artist', offset: 0 },
  { name: 'BPM 120–128 in A minor, by BPM', bpmMin: 120, bpmMax: 128, key: 'A minor', sort: 'bpm', offset: 0 },
  { name: 'I may remix in DE today', mayRemix: true, sort: 'title', offset: 0 },
  { name: '"river", BPM 90–110, I may cover', text: 'river', bpmMin: 90, bpmMax: 110, mayCover: true, sort: 'title', offset: 0 },
  { name: 'ISRC as printed "ZZ-GEN-43-01234"', text: 'ZZ-GEN-43-01234', sort: 'title', offset: 0 },
];

/** The peer: the same catalog as plain objects in memory, filtered and sorted by a straightforward scan. */
interface PeerRow {
  title: string;
  artist: string;
  titleKey: string;
  artistKey: string;
  tokens: string[];
  bpm: number;
  key: string;
  remix: boolean;
  cover: boolean;
}

function tokens(...fields: string[]): string[] {
  return fields
    .join(' ')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function covers(licence: Licence | undefined): boolean {
  if (!licence || licence.validFrom > DATE || (licence.validUntil !== undefined && licence.validUntil < DATE)) return false;
  const { include, exclude } = licence.territories;
  return (include.includes('WORLD') || include.includes(TERRITORY)) && !exclude.includes(TERRITORY);
}

function peerRows(pkg: CatalogPackage): PeerRow[] {
  const names = new Map(pkg.parties.map((p) => [p.id, p.name]));
  const works = new Map(pkg.works.map((w) => [w.id, w]));
  const master = new Map(pkg.licences.filter((l) => l.type === 'master').map((l) => [l.recording!, l]));
  const publishing = new Map(pkg.licences.filter((l) => l.type === 'publishing').map((l) => [l.work!, l]));
  return pkg.recordings.map((r) => {
    const work = works.get(r.work)!;
    const people = [...work.writers, ...work.publishers, ...r.masterOwners, ...r.credits].map((s) => names.get(s.party)!);
    const pub = covers(publishing.get(r.work));
    return {
      title: r.title,
      artist: r.displayArtist,
      titleKey: r.title.toLowerCase(),
      artistKey: r.displayArtist.toLowerCase(),
      tokens: tokens(r.title, r.displayArtist, work.title, ...people, r.label, r.isrc),
      bpm: r.bpm,
      key: r.key,
      remix: pub && covers(master.get(r.id)),
      cover: pub,
    };
  });
}

function peerSearch(rows: readonly PeerRow[], c: SearchCase): { total: number; page: PeerRow[] } {
  const words = c.text ? tokens(c.text) : [];
  // An ISRC typed as printed is stored as one word, as the catalog reads it: a whole one only as that word, its start either way.
  const whole = !!c.text && /^\p{L}{2}-[\p{L}\p{N}]{3}-\p{N}{2}-\p{N}{5}$/u.test(c.text);
  const isrc = c.text && /^\p{L}{2}-[\p{L}\p{N}]{3}(-\p{N}{2}(-\p{N}{1,5})?)?$/u.test(c.text) ? words.join('') : null;
  const hits = rows.filter(
    (r) =>
      (c.bpmMin === undefined || r.bpm >= c.bpmMin) &&
      (c.bpmMax === undefined || r.bpm <= c.bpmMax) &&
      (c.key === undefined || r.key === c.key) &&
      (!c.mayRemix || r.remix) &&
      (!c.mayCover || r.cover) &&
      ((!whole && words.every((w) => r.tokens.some((t) => t.startsWith(w)))) || (isrc !== null && r.tokens.some((t) => t.startsWith(isrc)))),
  );
  const by =
    c.sort === 'bpm'
      ? (a: PeerRow, b: PeerRow) => a.bpm - b.bpm || a.titleKey.localeCompare(b.titleKey)
      : c.sort === 'artist'
        ? (a: PeerRow, b: PeerRow) => a.artistKey.localeCompare(b.artistKey) || a.titleKey.localeCompare(b.titleKey)
        : (a: PeerRow, b: PeerRow) => a.titleKey.localeCompare(b.titleKey);
  hits.sort(by);
  return { total: hits.length, page: hits.slice(c.offset, c.offset + 100) };
}

/**
 * Catalog search over 100,000 generated recordings through the catalog
 * service (FTS5, indexed filters, the permission table, rights per row of
 * the page) — each query a user makes in the Catalog place. Peer: the same
 * catalog as objects in memory with a filter-and-sort scan.
 */
export const catalogSearch: Workload = {
  name: 'catalog-search',
  description: `search a library of ${RECORDINGS.toLocaleString('en')} generated recordings (9 typical queries, page of 100) vs an in-memory filter-and-sort scan`,
  async run() {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'stemroom-bench-search-'));
    const services = await StemroomServices.open(path.join(root, 'data'), { demoCatalogDir: null });
    const writes = catalogWriteQueries(services.library.db);
    const analysis: StoredStemAnalysis = {
      format: 'wav',
      sampleRate: 48000,
      channels: 2,
      frames: 48000 * 200,
      loudnessLufs: -14,
      peakDbfs: -1,
      peaks: new Uint8Array(64),
    };
    const peer: PeerRow[] = [];
    const writeStarted = performance.now();
    for (let i = 0; i < RECORDINGS / PER_PACKAGE; i++) {
      const pkg = generateCatalogPackage(i, PER_PACKAGE);
      const analyses = new Map(pkg.recordings.flatMap((r) => r.stems.map((s) => [s.id, analysis] as const)));
      writes.writePackage({
        pkg,
        manifestJson: '{}',
        manifestSha256: String(i).padStart(64, '0'),
        analyses,
        importedAt: new Date().toISOString(),
        signature: null,
      });
      peer.push(...peerRows(pkg));
    }
    const writeSeconds = (performance.now() - writeStarted) / 1000;
    const rights = { territory: TERRITORY, date: DATE };
    const request = (c: SearchCase) => ({ ...c, name: undefined, limit: 100 });
    const coldStarted = performance.now();
    services.catalog.search({ ...request(CASES[6]!) }, rights);
    const permissionTableMs = performance.now() - coldStarted;

    const ours: Record<string, number> = {};
    const theirs: Record<string, number> = {};
    const firstRun: Record<string, number> = {};
    for (const c of CASES) {
      const firstStarted = performance.now();
      const mine = services.catalog.search(request(c), rights);
      firstRun[c.name] = round(performance.now() - firstStarted);
      const reference = peerSearch(peer, c);
      // Both sides must answer the same question, or the comparison means nothing.
      if (mine.total !== reference.total) throw new Error(`"${c.name}": catalog says ${mine.total} results, the scan ${reference.total}`);
      ours[c.name] = (await measure(() => services.catalog.search(request(c), rights), 9)).median;
      theirs[c.name] = (await measure(() => peerSearch(peer, c), 5)).median;
    }
    services.close();
    fs.rmSync(root, { recursive: true, force: true });
    const worst = Math.max(...Object.values(ours));
    return {
      unit: 'ms per query (median over the 9 queries)',
      ours: {
        median: median(Object.values(ours)),
        samples: Object.values(ours),
        extra: {
          worstQueryMs: worst,
          ...ours,
          firstRunMs: JSON.stringify(firstRun),
          permissionTableRebuildMs: round(permissionTableMs),
          librarySeconds: round(writeSeconds, 1),
        },
      },
      peerName: 'in-memory array filter + sort (no database)',
      peer: { median: median(Object.values(theirs)), samples: Object.values(theirs), extra: theirs },
      goal: { description: 'every query ≤ 20 ms over 100,000 recordings', met: worst <= 20 && RECORDINGS >= 100_000 },
    };
  },
};
