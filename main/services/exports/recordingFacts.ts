import type { ProjectDocument } from '../../../shared/project/documentSchema';
import type { RecordingFacts } from '../../../shared/rights/ExportRights';
import type { catalogReadQueries } from '../../db/catalogReadQueries';
import type { DerivativeChains } from '../lineage/DerivativeChains';

type CatalogReads = ReturnType<typeof catalogReadQueries>;

/**
 * The catalog facts of every recording a document uses (and, for a cover,
 * the covered one). A derivative's come from its verified chain: its
 * owners and publishing shares are its export's splits, every licence
 * upstream of it and what its stems contain come with it (the upstream
 * check judges those, naming the original licence).
 */
export function recordingFactsFor(document: ProjectDocument, reads: CatalogReads, chains?: DerivativeChains): Map<string, RecordingFacts> {
  const ids = new Set(document.sources.flatMap((s) => (s.type === 'catalog' ? [s.recordingId] : [])));
  ids.add(document.recordingId);
  const facts = new Map<string, RecordingFacts>();
  for (const id of ids) {
    const derived = chains?.ofRecording(id)?.facts(id);
    if (derived) {
      facts.set(id, derived);
      continue;
    }
    const row = reads.recording(id);
    if (!row) continue;
    const licences = reads.licences(row.id, row.workId);
    const withName = licences.map(({ licence, licensorName }) => ({ ...licence, licensorName }));
    facts.set(id, {
      id: row.id,
      title: row.title,
      isrc: row.isrc,
      displayArtist: row.displayArtist,
      label: row.label,
      packageId: row.packageId,
      packageKeyFingerprint: row.packageKeyFingerprint,
      work: { id: row.workId, title: row.workTitle, iswc: row.iswc, writers: reads.writers(row.workId), publishers: reads.publishers(row.workId) },
      masterOwners: reads.masterOwners(row.id),
      masterLicences: withName.filter((l) => l.type === 'master'),
      publishingLicences: withName.filter((l) => l.type === 'publishing'),
      stemNames: new Map(reads.stems(row.id).map((s) => [s.id, s.name])),
    });
  }
  return facts;
}
