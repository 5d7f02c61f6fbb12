import type { ProjectDocument } from '../project/documentSchema';
import type { RightsReason } from './ExportRights';
import { catalogClaimProblem, type SourceLookup } from './sourceIdentity';

/**
 * The export's refusal reasons for sources whose claims the catalog
 * contradicts (a project file edited by hand, or saved before sources were
 * checked): such a source is never licensed under the identity it claims.
 */
export function forgedSourceReasons(document: ProjectDocument, lookup: SourceLookup): RightsReason[] {
  return document.sources.flatMap((source): RightsReason[] => {
    if (source.type !== 'catalog') return [];
    const problem = catalogClaimProblem(source, lookup);
    if (!problem) return [];
    const trackIds = [...new Set(document.clips.filter((c) => c.sourceId === source.id).map((c) => c.trackId))];
    return [{ code: 'source-misidentified', message: problem, fix: 'Remove this source and add the stem again from the catalog.', trackIds }];
  });
}
