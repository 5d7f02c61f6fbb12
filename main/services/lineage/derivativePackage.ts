import type { CatalogPackage, Derivative, Party, StemKind } from '../../../shared/catalog/catalogPackageSchema';
import { CATALOG_FORMAT_2 } from '../../../shared/catalog/catalogPackageSchema';
import type { AttributionRecord } from '../../../shared/rights/attributionRecord';
import type { ProjectDocument } from '../../../shared/project/documentSchema';
import { beatsToSeconds } from '../../../shared/project/timing';
import { derivativeMasterOwners, derivativeStemContents, derivativeWork } from '../../../shared/lineage/derivativeShape';
import type { LineageChain } from '../../../shared/lineage/LineageChain';
import { CREATOR_PARTY_ID } from '../../../shared/rights/computeSplits';

/** The ids of a derivative package: everything derives from the export id, so one export is one package. */
export function derivativeIds(exportId: string) {
  const base = `drv-${exportId}`;
  return {
    packageId: base,
    recordingId: `${base}-r`,
    workId: `${base}-w`,
    masterId: `${base}-LM`,
    publishingId: `${base}-LP`,
    mixId: `${base}-mix`,
    stemId: (n: number) => `${base}-t${n}`,
  };
}

/** The party a creator publishes as: named after the key of the library that made their exports. */
export function creatorParty(record: AttributionRecord): Party {
  return {
    id: `lib-${record.library!.keyFingerprint.slice(0, 16)}`,
    name: record.creator.name,
    kind: 'person',
    ...(record.creator.isni ? { isni: record.creator.isni } : {}),
    ...(record.creator.ipi ? { ipi: record.creator.ipi } : {}),
  };
}

/** A published stem before its file is written. */
export interface StemPlan {
  readonly id: string;
  readonly name: string;
  readonly kind: StemKind;
  readonly file: string;
  readonly sha256: string;
  readonly trackId: string | null;
}

/** The kind a per-track stem is: the kind of the catalog stems it holds when they agree, else "other". */
export function stemKindOf(record: AttributionRecord, trackId: string): StemKind {
  const kinds = new Set(record.sources.flatMap((s) => s.stems.filter((st) => (st.trackIds ?? []).includes(trackId)).map((st) => st.kind)));
  return kinds.size === 1 ? ([...kinds][0] as StemKind) : 'other';
}

/**
 * The manifest of a derivative package, before its licences: the creator
 * and every party its splits name (defined as upstream defines them), the
 * composition and owners its export's splits give, the mix and stems with
 * the upstream stems each contains, and the carried lineage files.
 */
export function derivativeManifest(args: {
  record: AttributionRecord;
  rawRecord: Record<string, unknown>;
  document: ProjectDocument;
  isrc: string;
  version: number;
  stems: readonly StemPlan[];
  parents: LineageChain;
  lineage: Derivative['lineage'];
  publicationSignature: string;
  now: Date;
}): CatalogPackage {
  const { record, document } = args;
  const ids = derivativeIds(record.exportId);
  const creator = creatorParty(record);
  const named = [
    ...new Set([...record.splits.master, ...record.splits.publishing].map((s) => s.partyId).filter((id) => id !== CREATOR_PARTY_ID && id !== creator.id)),
  ];
  const parties: Party[] = [creator];
  for (const id of named) {
    const party = args.parents
      .all()
      .flatMap((p) => p.manifest.parties)
      .find((p) => p.id === id);
    if (party) parties.push(party);
  }
  return {
    format: CATALOG_FORMAT_2,
    package: {
      id: ids.packageId,
      version: args.version,
      title: `${record.output.title} — ${record.creator.name}`,
      publisher: record.creator.name,
      createdAt: args.now.toISOString(),
    },
    parties,
    works: [derivativeWork(record, ids.workId, creator.id) as CatalogPackage['works'][number]],
    recordings: [
      {
        id: ids.recordingId,
        work: ids.workId,
        title: record.output.title,
        isrc: args.isrc,
        displayArtist: record.creator.name,
        label: record.creator.name,
        bpm: document.bpm,
        key: document.key,
        durationMs: Math.max(1, Math.round(record.output.durationSec * 1000)),
        releaseDate: record.createdAt.slice(0, 10),
        masterOwners: derivativeMasterOwners(record, creator.id),
        credits: [{ party: creator.id, role: 'producer' }],
        stems: args.stems.map((s) => ({
          id: s.id,
          name: s.name,
          kind: s.kind,
          file: s.file,
          sha256: s.sha256,
          ...(s.trackId === null ? { mix: true } : { track: s.trackId }),
          contains: derivativeStemContents(record, s.trackId),
        })),
        sections: document.markers.map((m) => ({ name: m.name, startMs: Math.round(beatsToSeconds(m.beat, document.bpm) * 1000) })),
      },
    ],
    licences: [],
    derivative: { export: args.rawRecord, publication: { signature: args.publicationSignature }, lineage: args.lineage },
  };
}
