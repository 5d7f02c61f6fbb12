import type { ProjectDocument } from '../project/documentSchema';
import type { ExportDecision } from './decideExport';
import type { RecordingFacts } from './ExportRights';
import { creditLines } from './creditLines';

/**
 * An export's credit lines, from its decision: one line per catalog
 * recording heard (and, for a cover, the covered one even when none of its
 * audio is used), then every required credit text verbatim — the licences
 * relied on and every licence upstream of a derivative source.
 *
 * @example
 * exportCredits(document, decision, recordings, upstreamCredits, 'Orchard Dub', 'DJ Kite');
 * // → ['"Orchard Dub" — remix by DJ Kite.', "Remix of 'Glass Orchard' (ISRC …) by Mira Vale, …", 'Stems courtesy of …']
 */
export function exportCredits(
  document: Pick<ProjectDocument, 'kind' | 'recordingId'>,
  decision: Pick<ExportDecision, 'usage' | 'relyOn'>,
  recordings: ReadonlyMap<string, RecordingFacts>,
  upstreamCredits: readonly string[],
  title: string,
  creator: string,
): string[] {
  const used = new Set(decision.usage.flatMap((u) => (u.source.type === 'catalog' ? [u.source.recordingId] : [])));
  if (document.kind === 'cover') used.add(document.recordingId);
  const heard = [...used].flatMap((id) => recordings.get(id) ?? []);
  const required = [...new Set([...decision.relyOn.map((l) => l.creditText), ...upstreamCredits])];
  return creditLines(
    document.kind,
    title,
    { name: creator },
    heard,
    decision.relyOn.map((l) => l.id),
    required,
  );
}
