import type { LineageGraphView } from '../../../shared/contract/lineageContract';
import { compositionShares, lineageGraph } from '../../../shared/lineage/lineageGraph';
import type { LineageChain } from '../../../shared/lineage/LineageChain';
import { catalogReadQueries } from '../../db/catalogReadQueries';
import type { LibraryDatabase } from '../../db/openLibraryDatabase';
import type { ExportService } from '../exports/ExportService';
import { ServiceError } from '../ServiceError';

/**
 * Family trees: what this library knows of a recording's or an export's
 * ancestors (the verified chains of its derivatives) and descendants (its
 * own exports, and derivatives imported from others), with who made each,
 * under which licences, and who receives what from it.
 */
export class LineageService {
  private readonly catalog;

  constructor(
    db: LibraryDatabase,
    private readonly exports: ExportService,
  ) {
    this.catalog = catalogReadQueries(db);
  }

  graph(focus: { recordingId: string } | { exportId: string }): LineageGraphView {
    const chains = this.exports.chains
      .derivatives()
      .map((d) => this.exports.chains.ofPackage(d.packageId))
      .filter((c): c is LineageChain => c !== null);
    const exports = this.exports.rows().map((row) => this.exports.facts(row.id).record);
    let id: string;
    if ('recordingId' in focus) {
      if (!this.catalog.recording(focus.recordingId)) throw new ServiceError('not-found', `There is no recording "${focus.recordingId}" in the library.`);
      id = `rec:${focus.recordingId}`;
    } else {
      if (!exports.some((r) => r.exportId === focus.exportId)) throw new ServiceError('not-found', `There is no export ${focus.exportId}.`);
      const derivative = chains.flatMap((c) => c.all()).find((p) => p.record?.exportId === focus.exportId);
      id = derivative ? `rec:${derivative.manifest.recordings[0]!.id}` : `exp:${focus.exportId}`;
    }
    return lineageGraph({ chains, exports, original: (recordingId) => this.original(recordingId) }, id);
  }

  private original(recordingId: string) {
    const row = this.catalog.recording(recordingId);
    if (!row) return undefined;
    const licences = this.catalog.licences(row.id, row.workId).map((l) => `${l.licence.id} (${l.licensorName})`);
    const share = (s: { name: string; role: string; shareBp: number }) => ({ name: s.name, role: s.role, shareBp: s.shareBp });
    return {
      title: row.title,
      artist: row.displayArtist,
      licences,
      master: this.catalog.masterOwners(row.id).map(share),
      publishing: compositionShares(this.catalog.writers(row.workId).map(share), this.catalog.publishers(row.workId).map(share)),
    };
  }
}
