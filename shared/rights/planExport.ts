import type { ExportIntent } from '../lineage/decideScopes';
import type { ProjectDocument } from '../project/documentSchema';
import type { RecordLineage } from './attributionRecord';
import { computeSplits, type Splits } from './computeSplits';
import { decideExport, type ExportDecision } from './decideExport';
import { exportCredits } from './exportCredits';
import type { RecordingFacts } from './ExportRights';
import { forgedSourceReasons } from './forgedSourceReasons';
import { judgeLineageAndScopes } from './judgeLineageAndScopes';
import type { CatalogView, SourceLookup } from './sourceIdentity';

/** A licensor's approval as the library keeps it (stemroom-approval/1 JSON). */
export interface StoredApproval {
  readonly licenceId: string;
  readonly keyFingerprint: string;
  readonly approvalJson: string;
}

/** Everything the rights of one export are judged on, gathered from the library (main's ExportPlanner). */
export interface ExportFacts {
  /** The project document as the creator saved it: forged catalog claims are judged on it. */
  readonly document: ProjectDocument;
  /** The same document as the catalog sees it (catalogView): what is rendered and what is judged. */
  readonly view: CatalogView;
  readonly lookup: SourceLookup;
  /** The catalog facts of every recording `view.rightsDocument` uses. */
  readonly recordings: ReadonlyMap<string, RecordingFacts>;
  /** Ids of sources whose audio is not in the library. */
  readonly missing: ReadonlySet<string>;
  readonly territory: string;
  /** Today, as YYYY-MM-DD: the date licences are judged on. */
  readonly date: string;
  readonly intent: ExportIntent;
  /** Approvals recorded for this project revision and the intent's channel. */
  readonly approvals: readonly StoredApproval[];
}

/** Who the export credits and what it is called. */
export interface ExportNaming {
  readonly creator: string;
  readonly title: string;
}

/**
 * One export's rights, decided once: what `exports.check` shows and what
 * the export writes into its record are both read from it.
 */
export interface ExportPlan {
  readonly view: CatalogView;
  readonly recordings: ReadonlyMap<string, RecordingFacts>;
  readonly decision: ExportDecision;
  /** The approvals the export relies on (named in the record's intent). */
  readonly approvals: readonly { licence: string; keyFingerprint: string; signature: string }[];
  readonly lineage: RecordLineage | undefined;
  /** Credit lines and revenue splits; empty and null when the export is refused. */
  readonly credits: readonly string[];
  readonly splits: Splits | null;
}

/**
 * Decides an export from its facts: the licence rules on the document as
 * the catalog sees it (decideExport), every licence upstream of a
 * derivative source and every licence's channel, AI use and approval
 * (judgeLineageAndScopes), and a forged catalog claim refuses outright.
 * When allowed, the credits and splits follow from that one decision.
 *
 * @example
 * const plan = planExport(facts, { creator: 'DJ Kite', title: 'Orchard Dub' });
 * plan.decision.allowed ? plan.splits!.master : plan.decision.reasons;
 */
export function planExport(facts: ExportFacts, naming: ExportNaming): ExportPlan {
  const { document, view, recordings, intent, date } = facts;
  const judged = decideExport(view.rightsDocument, recordings, facts.missing, facts.territory, date);
  const judgement = judgeLineageAndScopes(judged, view.rightsDocument, recordings, intent, (licenceId, keyFingerprint) => {
    const approval = facts.approvals.find((a) => a.licenceId === licenceId && a.keyFingerprint === keyFingerprint && approvalInForce(a.approvalJson, date));
    return approval ? { signature: (JSON.parse(approval.approvalJson) as { signature: string }).signature } : undefined;
  });
  const forged = forgedSourceReasons(document, facts.lookup);
  const decision = forged.length ? { ...judgement.decision, allowed: false, reasons: [...forged, ...judgement.decision.reasons] } : judgement.decision;
  const plan = { view, recordings, decision, approvals: judgement.approvals, lineage: judgement.lineage };
  if (!decision.allowed) return { ...plan, credits: [], splits: null };
  return {
    ...plan,
    credits: exportCredits(document, decision, recordings, judgement.upstreamCredits, naming.title, naming.creator),
    splits: computeSplits(view.rightsDocument, decision.usage, recordings, decision.relyOn, { name: naming.creator }),
  };
}

/** An approval holds until the end of its last day (if it names one). */
function approvalInForce(approvalJson: string, date: string): boolean {
  const validUntil = (JSON.parse(approvalJson) as { validUntil?: string }).validUntil;
  return validUntil === undefined || date <= validUntil;
}
