import type { ExportIntent } from '../../../shared/lineage/decideScopes';
import type { ProjectDocument } from '../../../shared/project/documentSchema';
import { planExport, type ExportFacts, type ExportNaming, type ExportPlan } from '../../../shared/rights/planExport';
import { catalogView } from '../../../shared/rights/sourceIdentity';
import { approvalQueries } from '../../db/approvalQueries';
import { catalogReadQueries } from '../../db/catalogReadQueries';
import type { LibraryDatabase } from '../../db/openLibraryDatabase';
import { sourceIdentityQueries } from '../../db/sourceIdentityQueries';
import type { DerivativeChains } from '../lineage/DerivativeChains';
import { sha256Hex } from './ledgerHash';
import { recordingFactsFor } from './recordingFacts';

/**
 * Gathers what an export's rights are judged on from the library — the
 * catalog's view of the document, the facts of every recording it uses,
 * which audio is missing, today's date, the approvals recorded for this
 * revision — and hands them to the pure planExport (shared/rights).
 *
 * @example
 * const plan = planner.plan(projectId, document, 'GB', { channel: 'streaming-distribution' }, { creator: 'DJ Kite', title: 'Orchard Dub' });
 */
export class ExportPlanner {
  private readonly catalog;
  private readonly identity;
  private readonly approvals;

  constructor(
    db: LibraryDatabase,
    private readonly chains: DerivativeChains,
    /** Whether the library holds this audio (the content store). */
    private readonly hasAudio: (sha256: string) => boolean,
    /** Today as YYYY-MM-DD: the date licences are judged on. */
    private readonly today: () => string,
  ) {
    this.catalog = catalogReadQueries(db);
    this.identity = sourceIdentityQueries(db);
    this.approvals = approvalQueries(db);
  }

  /** The export's rights, credits and splits, decided once. */
  plan(projectId: string, document: ProjectDocument, territory: string, intent: ExportIntent, naming: ExportNaming): ExportPlan {
    return planExport(this.facts(projectId, document, territory, intent), naming);
  }

  /** The facts, read from the database and the content store: catalog facts replace the document's claims. */
  private facts(projectId: string, document: ProjectDocument, territory: string, intent: ExportIntent): ExportFacts {
    const lookup = this.identity.lookup();
    const view = catalogView(document, lookup);
    return {
      document,
      view,
      lookup,
      recordings: recordingFactsFor(view.rightsDocument, this.catalog, this.chains),
      missing: new Set(document.sources.filter((s) => !this.hasAudio(s.sha256)).map((s) => s.id)),
      territory,
      date: this.today(),
      intent,
      approvals: this.approvals.forRevision(projectId, sha256Hex(JSON.stringify(document)), intent.channel),
    };
  }
}
