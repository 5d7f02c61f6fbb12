import type { ProjectDocument } from '../../../shared/project/documentSchema';
import type { RecordingFacts } from '../../../shared/rights/ExportRights';
import type { catalogReadQueries } from '../../db/catalogReadQueries';

type CatalogReads = ReturnType<typeof catalogReadQueries>;

/** The catalog facts of every recording a document uses (and, for a cover, the covered one). */
export function recordingFactsFor(document: ProjectDocument, reads: CatalogReads): Map<string, RecordingFacts> {
  const ids = new Set(document.sources.flatMap((s) => (s.type === 'catalog' ? [s.recordingId] : [])));
  ids.add(document.recordingId);
  const facts = new Map<string, RecordingFacts>();
  for (const id of ids) {
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
