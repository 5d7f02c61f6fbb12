import type { CatalogPackageInput, writerRoles } from '../catalog/catalogPackageSchema';
import type { AttributionRecord } from '../rights/attributionRecord';
import { CREATOR_PARTY_ID } from '../rights/computeSplits';
import { largestRemainder } from '../rights/largestRemainder';

type Split = AttributionRecord['splits']['master'][number];
type WriterRole = (typeof writerRoles)[number];
const WRITER_ROLES: readonly string[] = ['composer', 'lyricist', 'composer-lyricist', 'arranger'];

const partyOf = (share: Split, creatorPartyId: string) => (share.partyId === CREATOR_PARTY_ID ? creatorPartyId : share.partyId);

/**
 * A derivative recording's master owners: exactly its export's master
 * split (the creator under their package party id). This is what the
 * recording pays on when it is remixed in turn.
 */
export function derivativeMasterOwners(record: AttributionRecord, creatorPartyId: string): { party: string; shareBp: number }[] {
  return record.splits.master.map((s) => ({ party: partyOf(s, creatorPartyId), shareBp: s.shareBp }));
}

/**
 * The derivative's composition as a catalog work: the writers of its
 * export's publishing split (the remixer or performer as arranger) and its
 * publishers, each list brought to 10000 basis points. For display and
 * search; the money follows the export's publishing split itself.
 */
export function derivativeWork(record: AttributionRecord, workId: string, creatorPartyId: string): NonNullable<CatalogPackageInput['works']>[number] {
  const shares = record.splits.publishing.filter((s) => s.shareBp > 0);
  const publishers = shares.filter((s) => s.role === 'publisher');
  let writers = shares.filter((s) => s.role !== 'publisher');
  if (writers.length === 0) writers = [{ partyId: CREATOR_PARTY_ID, name: record.creator.name, role: 'arranger', shareBp: 1 }];
  const scale = (list: Split[]) => largestRemainder(list.map((s) => s.shareBp));
  const writerShares = scale(writers);
  const publisherShares = publishers.length ? scale(publishers) : [];
  const sources = record.sources.map((s) => s.work.title);
  const covered = record.covered ? [record.covered.work.title] : [];
  return {
    id: workId,
    title: [...new Set([...covered, ...sources])].join(' / ') || record.output.title,
    writers: writers.map((w, i) => ({
      party: partyOf(w, creatorPartyId),
      role: (WRITER_ROLES.includes(w.role) ? w.role : 'arranger') as WriterRole,
      shareBp: writerShares[i]!,
    })),
    publishers: publishers.map((p, i) => ({ party: partyOf(p, creatorPartyId), shareBp: publisherShares[i]! })),
  };
}

/**
 * The upstream stems a derivative stem contains: for the mix, every
 * catalog stem its export heard; for a per-track stem, those that played
 * on that track. Records from before tracks were recorded cannot say,
 * so only a mix can be published from them.
 */
export function derivativeStemContents(record: AttributionRecord, track: string | null): { package: string; recording: string; stem: string }[] {
  const contents = new Map<string, { package: string; recording: string; stem: string }>();
  for (const source of record.sources) {
    for (const stem of source.stems) {
      if (track !== null && !(stem.trackIds ?? []).includes(track)) continue;
      contents.set(`${source.recording.id}|${stem.id}`, { package: source.recording.packageId, recording: source.recording.id, stem: stem.id });
    }
  }
  return [...contents.values()].sort((a, b) => `${a.recording}|${a.stem}`.localeCompare(`${b.recording}|${b.stem}`));
}
