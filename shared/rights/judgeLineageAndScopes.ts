import type { ExportDecision } from './decideExport';
import type { RecordingFacts } from './ExportRights';
import type { ProjectDocument } from '../project/documentSchema';
import type { RecordLineage } from './attributionRecord';
import { decideUpstream, mergeUpstreamReasons } from '../lineage/decideUpstream';
import { decideScopes, type ExportIntent, type FindApproval, type ScopedLicence } from '../lineage/decideScopes';
import { mergeLineages } from '../lineage/LineageChain';
import { upstreamName } from '../lineage/UpstreamLicence';

/** The export decision with its lineage and scope halves, and what the record needs of them. */
export interface LineageJudgement {
  readonly decision: ExportDecision;
  readonly approvals: { licence: string; keyFingerprint: string; signature: string }[];
  readonly lineage: RecordLineage | undefined;
  /** Every upstream licence's required credit text (printed in every export's credits, at every generation). */
  readonly upstreamCredits: string[];
}

/**
 * Completes decideExport's verdict: every licence upstream of a derivative
 * source must allow the export too (decideUpstream), and every licence —
 * own and upstream — must allow the declared channel and AI use and have
 * its required approval (decideScopes). Where a derivative's own licence
 * refuses for the cause an upstream licence does, the upstream reason
 * (naming the original) replaces it.
 */
export function judgeLineageAndScopes(
  judged: ExportDecision,
  document: ProjectDocument,
  recordings: ReadonlyMap<string, RecordingFacts>,
  intent: ExportIntent,
  findApproval: FindApproval,
): LineageJudgement {
  const upstream = decideUpstream(document, judged.usage, recordings, judged.territory, judged.date);
  const used = new Set(judged.usage.flatMap((u) => (u.source.type === 'catalog' ? [u.source.recordingId] : [])));
  if (document.kind === 'cover') used.add(document.recordingId);
  const derivatives = [...used].flatMap((id) => {
    const facts = recordings.get(id);
    return facts?.derivative ? [facts] : [];
  });
  const derivativeLicenceIds = new Set(derivatives.flatMap((r) => [...r.masterLicences, ...r.publishingLicences].map((l) => l.id)));
  const scoped: ScopedLicence[] = [];
  for (const licence of judged.relyOn) {
    const recording = [...recordings.values()].find((r) => [...r.masterLicences, ...r.publishingLicences].some((l) => l.id === licence.id));
    scoped.push({
      licence,
      licensorName: licence.licensorName,
      packageKeyFingerprint: recording?.packageKeyFingerprint ?? null,
      label: `licence ${licence.id} of ${licence.licensorName}${recording ? ` (for "${recording.title}")` : ''}`,
    });
  }
  const upstreamLicences = derivatives.flatMap((r) => r.derivative!.upstream);
  for (const u of upstreamLicences)
    scoped.push({ licence: u.licence, licensorName: u.licensorName, packageKeyFingerprint: u.packageKeyFingerprint, label: upstreamName(u) });
  const scopes = decideScopes(scoped, intent, findApproval);
  const reasons = [...mergeUpstreamReasons(judged.reasons, upstream.reasons, derivativeLicenceIds), ...scopes.reasons];
  const decision: ExportDecision = {
    ...judged,
    allowed: reasons.length === 0,
    reasons,
    rulesEvaluated: [...judged.rulesEvaluated, ...upstream.rules, ...scopes.rules],
  };
  const lineage = derivatives.length ? mergeLineages(derivatives.map((r) => r.derivative!.lineage)) : undefined;
  const upstreamCredits = [...new Set(upstreamLicences.map((u) => u.licence.creditText))];
  return { decision, approvals: scopes.approvals, lineage, upstreamCredits };
}
