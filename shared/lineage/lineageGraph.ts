import type { AttributionPayload } from '../rights/attributionRecord';
import { LineageChain } from './LineageChain';
import { largestRemainder } from '../rights/largestRemainder';

export interface GraphShare {
  readonly name: string;
  readonly role: string;
  readonly shareBp: number;
}

/** One recording or export in a family tree. */
export interface LineageNode {
  /** `rec:<recording id>` or `exp:<export id>` (an export of this library that is not, or not yet, a catalog recording). */
  readonly id: string;
  readonly kind: 'original' | 'derivative' | 'export';
  readonly title: string;
  /** Who made it: the artist of an original, the creator of a derivative or export. */
  readonly maker: string;
  /** Generations from the originals (0 for an original). */
  readonly generation: number;
  readonly recordingId: string | null;
  readonly exportId: string | null;
  /** The licences it was made under (for an original: the licences it grants). */
  readonly licences: string[];
  /** Whether this library has it: a catalog recording, or an export of its own. */
  readonly inLibrary: boolean;
  /** Who receives what from its revenue: an original's owners and writers, a derivative's export splits. */
  readonly receives: { master: GraphShare[]; publishing: GraphShare[] };
}

export interface LineageEdge {
  readonly from: string;
  readonly to: string;
}

export interface LineageGraph {
  readonly focus: string;
  readonly nodes: LineageNode[];
  readonly edges: LineageEdge[];
}

/** What the library knows: the verified chains of its derivatives, its own exports, its catalog's originals. */
export interface LineageSources {
  readonly chains: readonly LineageChain[];
  readonly exports: readonly AttributionPayload[];
  readonly original: (recordingId: string) => { title: string; artist: string; licences: string[]; master: GraphShare[]; publishing: GraphShare[] } | undefined;
}

const shares = (list: readonly { name: string; role: string; shareBp: number }[]): GraphShare[] =>
  list.map((s) => ({ name: s.name, role: s.role, shareBp: s.shareBp }));

/**
 * An original's publishing revenue as one list: its writers' shares, and
 * when it has publishers, half to the writers and half to the publishers
 * (how every export splits a composition; computeSplits).
 */
export function compositionShares(writers: readonly GraphShare[], publishers: readonly GraphShare[]): GraphShare[] {
  const writerPart = publishers.length ? 0.5 : 1;
  const all = [
    ...writers.map((w) => ({ ...w, weight: w.shareBp * writerPart })),
    ...publishers.map((p) => ({ ...p, weight: p.shareBp * (1 - writerPart) })),
  ].filter((x) => x.weight > 0);
  if (all.length === 0) return [];
  const bp = largestRemainder(all.map((x) => x.weight));
  return all.map((x, i) => ({ name: x.name, role: x.role, shareBp: bp[i]! }));
}

/**
 * A recording's or export's family tree as this library knows it: its
 * ancestors (through every verified chain) and its descendants (derivatives
 * and exports made from it), each with who made it, under which licences,
 * and who receives what from it.
 *
 * @example
 * lineageGraph(sources, 'rec:drv-0190…-r').nodes.map((n) => n.title); // ['Test Song', 'A flip', 'B flip', 'C flip']
 */
export function lineageGraph(sources: LineageSources, focus: string): LineageGraph {
  const nodes = new Map<string, Omit<LineageNode, 'generation'>>();
  const parents = new Map<string, Set<string>>();
  const link = (from: string, to: string) => {
    if (!parents.has(to)) parents.set(to, new Set());
    parents.get(to)!.add(from);
  };
  const exportOwners = new Map<string, string>();
  for (const chain of sources.chains) {
    for (const pkg of chain.all()) {
      for (const recording of pkg.manifest.recordings) {
        const id = `rec:${recording.id}`;
        const record = pkg.record;
        if (record) {
          exportOwners.set(record.exportId, id);
          const facts = chain.facts(recording.id);
          nodes.set(id, {
            id,
            kind: 'derivative',
            title: recording.title,
            maker: record.creator.name,
            recordingId: recording.id,
            exportId: record.exportId,
            licences: record.licences.map((l) => `${l.id} (${l.licensor})`),
            inLibrary: nodes.get(id)?.inLibrary ?? false,
            receives: { master: shares(facts?.masterOwners ?? []), publishing: shares(facts?.derivative?.publishingShares ?? []) },
          });
          for (const used of LineageChain.usedRecordings(record)) link(`rec:${used}`, id);
        } else if (!nodes.has(id)) {
          const facts = chain.facts(recording.id);
          nodes.set(id, {
            id,
            kind: 'original',
            title: recording.title,
            maker: recording.displayArtist,
            recordingId: recording.id,
            exportId: null,
            licences: pkg.manifest.licences
              .filter((l) => l.recording === recording.id || l.work === recording.work)
              .map((l) => `${l.id} (${facts?.masterLicences.concat(facts.publishingLicences).find((x) => x.id === l.id)?.licensorName ?? l.licensor})`),
            inLibrary: false,
            receives: {
              master: shares(facts?.masterOwners ?? []),
              publishing: compositionShares(shares(facts?.work.writers ?? []), shares(facts?.work.publishers ?? [])),
            },
          });
        }
      }
    }
  }
  for (const record of sources.exports) {
    const id = exportOwners.get(record.exportId) ?? `exp:${record.exportId}`;
    const known = nodes.get(id);
    nodes.set(id, {
      id,
      kind: known?.kind ?? 'export',
      title: known?.title ?? record.output.title,
      maker: record.creator.name,
      recordingId: known?.recordingId ?? null,
      exportId: record.exportId,
      licences: record.licences.map((l) => `${l.id} (${l.licensor})`),
      inLibrary: true,
      receives: { master: shares(record.splits.master), publishing: shares(record.splits.publishing) },
    });
    for (const used of LineageChain.usedRecordings(record)) link(`rec:${used}`, id);
  }
  // Every recording named anywhere: the catalog's facts where it has them (in the library), else what the chains said.
  for (const id of new Set([...parents.keys(), ...[...parents.values()].flatMap((s) => [...s]), focus])) {
    if (!id.startsWith('rec:')) continue;
    const catalog = sources.original(id.slice(4));
    const known = nodes.get(id);
    if (known) nodes.set(id, { ...known, inLibrary: known.inLibrary || catalog !== undefined });
    else if (catalog)
      nodes.set(id, {
        id,
        kind: 'original',
        title: catalog.title,
        maker: catalog.artist,
        recordingId: id.slice(4),
        exportId: null,
        licences: catalog.licences,
        inLibrary: true,
        receives: { master: catalog.master, publishing: catalog.publishing },
      });
  }

  const children = new Map<string, Set<string>>();
  for (const [child, ps] of parents) for (const p of ps) (children.get(p) ?? children.set(p, new Set()).get(p)!).add(child);
  const family = new Set<string>([focus]);
  const walk = (from: string, next: Map<string, Set<string>>) => {
    for (const n of next.get(from) ?? []) {
      if (family.has(n)) continue;
      family.add(n);
      walk(n, next);
    }
  };
  walk(focus, parents);
  walk(focus, children);
  const generation = new Map<string, number>();
  const depth = (id: string, seen: Set<string> = new Set()): number => {
    if (generation.has(id)) return generation.get(id)!;
    if (seen.has(id)) return 0;
    seen.add(id);
    const ps = [...(parents.get(id) ?? [])].filter((p) => family.has(p));
    const g = ps.length ? 1 + Math.max(...ps.map((p) => depth(p, seen))) : 0;
    generation.set(id, g);
    return g;
  };
  const list = [...family].flatMap((id) => {
    const node = nodes.get(id);
    return node ? [{ ...node, generation: depth(id) }] : [];
  });
  list.sort((a, b) => a.generation - b.generation || a.title.localeCompare(b.title));
  const edges = [...parents].flatMap(([to, ps]) =>
    [...ps].filter((from) => family.has(from) && family.has(to) && nodes.has(from) && nodes.has(to)).map((from) => ({ from, to })),
  );
  return { focus, nodes: list, edges };
}
