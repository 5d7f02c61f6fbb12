import type { CatalogPackage, Party, Recording } from '../catalog/catalogPackageSchema';
import type { AttributionRecord, RecordLineage } from '../rights/attributionRecord';
import type { RecordingFacts, ShareRef } from '../rights/ExportRights';
import { CREATOR_PARTY_ID } from '../rights/computeSplits';
import type { UpstreamLicence, UpstreamStem } from './UpstreamLicence';

/** One package of a chain, verified: its manifest, the key it is signed with and, for a derivative, its export's record. */
export interface ChainPackage {
  readonly manifest: CatalogPackage;
  readonly keyFingerprint: string;
  /** SHA-256 of the manifest's bytes (what a descendant's lineage entry names). */
  readonly manifestSha256: string;
  /** A derivative's export record (its signature checked before it gets here). */
  readonly record?: AttributionRecord;
}

type Ancestor = RecordLineage['ancestors'][number];
type Original = RecordLineage['originals'][number];

/**
 * A set of verified packages — originals and derivatives — read as a family:
 * each derivative's record names the recordings it used, each of which is
 * an original or another derivative in the set. Everything the rights
 * machine needs of a derivative comes from here: its facts (shares as its
 * export split them), every licence upstream of it, what its stems contain,
 * and the chain to name in records.
 *
 * @example
 * const chain = new LineageChain([original, remixByA, remixByB]);
 * chain.upstream('drv-b-r').map((u) => u.licence.id); // ['L-M1', 'L-P1', 'drv-a-LM', 'drv-a-LP']
 */
export class LineageChain {
  private readonly packages = new Map<string, ChainPackage>();
  private readonly recordings = new Map<string, { pkg: ChainPackage; recording: Recording }>();
  private readonly contentsMemo = new Map<string, Map<string, UpstreamStem[]>>();

  constructor(packages: Iterable<ChainPackage>) {
    for (const pkg of packages) {
      this.packages.set(pkg.manifest.package.id, pkg);
      for (const recording of pkg.manifest.recordings) this.recordings.set(recording.id, { pkg, recording });
    }
  }

  package(packageId: string): ChainPackage | undefined {
    return this.packages.get(packageId);
  }

  all(): ChainPackage[] {
    return [...this.packages.values()];
  }

  recording(recordingId: string): { pkg: ChainPackage; recording: Recording } | undefined {
    return this.recordings.get(recordingId);
  }

  /** The record of the derivative recording's export, or undefined for an original. */
  recordOf(recordingId: string): AttributionRecord | undefined {
    return this.recordings.get(recordingId)?.pkg.record;
  }

  /** A derivative package's creator: the party that grants its licences. */
  creatorOf(pkg: ChainPackage): Party | undefined {
    const licensor = pkg.manifest.licences[0]?.licensor;
    return pkg.manifest.parties.find((p) => p.id === licensor);
  }

  /** The recordings a record used: its sources and, for a cover, the covered recording. */
  static usedRecordings(record: Pick<AttributionRecord, 'sources' | 'covered'>): string[] {
    return [...new Set([...record.sources.map((s) => s.recording.id), ...(record.covered ? [record.covered.recording.id] : [])])];
  }

  /** A derivative's splits with its creator named as the party its package declares. */
  creatorShares(pkg: ChainPackage, shares: readonly AttributionRecord['splits']['master'][number][]): ShareRef[] {
    const creator = this.creatorOf(pkg);
    return shares.map((s) =>
      s.partyId === CREATOR_PARTY_ID && creator
        ? { partyId: creator.id, name: creator.name, role: s.role, shareBp: s.shareBp, isni: creator.isni ?? null, ipi: creator.ipi ?? null }
        : { partyId: s.partyId, name: s.name, role: s.role, shareBp: s.shareBp, isni: s.isni ?? null, ipi: s.ipi ?? null },
    );
  }

  /**
   * What the rights machine knows of any recording in the chain. A
   * derivative's master owners and publishing shares are its export's
   * splits; every licence upstream of it and what its stems contain come
   * with it.
   */
  facts(recordingId: string): RecordingFacts | undefined {
    const found = this.recordings.get(recordingId);
    if (!found) return undefined;
    const { pkg, recording } = found;
    const parties = new Map(pkg.manifest.parties.map((p) => [p.id, p]));
    const ref = (partyId: string, role: string, shareBp: number): ShareRef => {
      const party = parties.get(partyId);
      return { partyId, name: party?.name ?? partyId, role, shareBp, isni: party?.isni ?? null, ipi: party?.ipi ?? null };
    };
    const work = pkg.manifest.works.find((w) => w.id === recording.work)!;
    const licences = pkg.manifest.licences
      .filter((l) => (l.type === 'master' && l.recording === recording.id) || (l.type === 'publishing' && l.work === recording.work))
      .map((l) => ({ ...l, licensorName: parties.get(l.licensor)?.name ?? l.licensor }));
    const record = pkg.record;
    return {
      id: recording.id,
      title: recording.title,
      isrc: recording.isrc,
      displayArtist: recording.displayArtist,
      label: recording.label,
      packageId: pkg.manifest.package.id,
      packageKeyFingerprint: pkg.keyFingerprint,
      work: {
        id: work.id,
        title: work.title,
        iswc: work.iswc ?? null,
        writers: work.writers.map((w) => ref(w.party, w.role, w.shareBp)),
        publishers: work.publishers.map((p) => ref(p.party, 'publisher', p.shareBp)),
      },
      masterOwners: record ? this.creatorShares(pkg, record.splits.master) : recording.masterOwners.map((o) => ref(o.party, 'master owner', o.shareBp)),
      masterLicences: licences.filter((l) => l.type === 'master'),
      publishingLicences: licences.filter((l) => l.type === 'publishing'),
      stemNames: new Map(recording.stems.map((s) => [s.id, s.name])),
      ...(record
        ? {
            derivative: {
              exportId: record.exportId,
              creator: record.creator.name,
              use: record.output.versionType,
              upstream: this.upstream(recordingId),
              stemContents: this.stemContents(recordingId),
              publishingShares: this.creatorShares(pkg, record.splits.publishing),
              lineage: this.lineage(recordingId),
            },
          }
        : {}),
    };
  }

  /** The licences a derivative's export relied on, found in the packages of the recordings it used. */
  reliedOn(record: AttributionRecord): UpstreamLicence[] {
    const found: UpstreamLicence[] = [];
    for (const recordingId of LineageChain.usedRecordings(record)) {
      const source = this.recordings.get(recordingId);
      if (!source) continue;
      const parties = new Map(source.pkg.manifest.parties.map((p) => [p.id, p.name]));
      for (const licence of source.pkg.manifest.licences) {
        const bears =
          (licence.type === 'master' && licence.recording === recordingId) || (licence.type === 'publishing' && licence.work === source.recording.work);
        if (!bears || !record.licences.some((l) => l.id === licence.id)) continue;
        found.push({
          licence,
          licensorName: parties.get(licence.licensor) ?? licence.licensor,
          packageId: source.pkg.manifest.package.id,
          packageKeyFingerprint: source.pkg.keyFingerprint,
          recordingId,
          recordingTitle: source.recording.title,
        });
      }
    }
    return found;
  }

  /**
   * Every licence upstream of a derivative, at every generation, the
   * originals' first (so a refusal names the original licence first).
   */
  upstream(recordingId: string, seen = new Set<string>()): UpstreamLicence[] {
    const record = this.recordOf(recordingId);
    if (!record || seen.has(recordingId)) return [];
    seen.add(recordingId);
    const deeper = LineageChain.usedRecordings(record).flatMap((id) => this.upstream(id, seen));
    const all = [...deeper, ...this.reliedOn(record)];
    const unique = new Map(all.map((u) => [`${u.packageId}|${u.licence.id}`, u]));
    return [...unique.values()];
  }

  /** For each stem of a derivative: the upstream catalog stems heard in it, through every generation. */
  stemContents(recordingId: string, seen = new Set<string>()): Map<string, UpstreamStem[]> {
    const memo = this.contentsMemo.get(recordingId);
    if (memo) return memo;
    const found = this.recordings.get(recordingId);
    const result = new Map<string, UpstreamStem[]>();
    if (!found || seen.has(recordingId)) return result;
    seen.add(recordingId);
    for (const stem of found.recording.stems) {
      const contents = new Map<string, UpstreamStem>();
      for (const inner of stem.contains ?? []) {
        const source = this.recordings.get(inner.recording);
        const innerStem = source?.recording.stems.find((s) => s.id === inner.stem);
        if (!source || !innerStem) continue;
        contents.set(`${inner.recording}|${inner.stem}`, {
          packageId: inner.package,
          recordingId: inner.recording,
          recordingTitle: source.recording.title,
          stemId: inner.stem,
          stemName: innerStem.name,
        });
        for (const deeper of this.stemContents(inner.recording, seen).get(inner.stem) ?? []) contents.set(`${deeper.recordingId}|${deeper.stemId}`, deeper);
      }
      result.set(stem.id, [...contents.values()]);
    }
    this.contentsMemo.set(recordingId, result);
    return result;
  }

  /** The chain to name in a record: this derivative's export and every ancestor export, and the originals. */
  lineage(recordingId: string, seen = new Set<string>()): RecordLineage {
    const ancestors = new Map<string, Ancestor>();
    const originals = new Map<string, Original>();
    const visit = (id: string) => {
      if (seen.has(id)) return;
      seen.add(id);
      const found = this.recordings.get(id);
      if (!found) return;
      const record = found.pkg.record;
      if (!record) {
        originals.set(id, {
          recordingId: id,
          packageId: found.pkg.manifest.package.id,
          title: found.recording.title,
          packageKeyFingerprint: found.pkg.keyFingerprint,
        });
        return;
      }
      ancestors.set(record.exportId, {
        exportId: record.exportId,
        signature: record.signature?.value ?? '',
        libraryKeyFingerprint: record.library?.keyFingerprint ?? '',
        entryHash: record.ledger?.entryHash ?? '',
        creator: record.creator.name,
        title: found.recording.title,
        recordingId: id,
        packageId: found.pkg.manifest.package.id,
        derivedFrom: LineageChain.usedRecordings(record),
      });
      for (const used of LineageChain.usedRecordings(record)) visit(used);
    };
    visit(recordingId);
    return { ancestors: [...ancestors.values()], originals: [...originals.values()] };
  }
}

/** Merges the chains of several derivative sources into one record lineage. */
export function mergeLineages(lineages: readonly RecordLineage[]): RecordLineage {
  const ancestors = new Map(lineages.flatMap((l) => l.ancestors.map((a) => [a.exportId, a] as const)));
  const originals = new Map(lineages.flatMap((l) => l.originals.map((o) => [o.recordingId, o] as const)));
  return { ancestors: [...ancestors.values()], originals: [...originals.values()] };
}
