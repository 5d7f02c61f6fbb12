import type { Source } from '../../../shared/project/documentSchema';
import { catalogClaimProblem, type SourceLookup } from '../../../shared/rights/sourceIdentity';
import { ServiceError } from '../ServiceError';

/**
 * What a recording source's audio may be: the creator's own (recorded or
 * imported here, and so fingerprinted against the catalog), catalog audio
 * (then it is that stem), or absent (then nothing can play or export it).
 */
export interface OwnAudioCheck {
  isOwnAudio(sha256: string): boolean;
  inStore(sha256: string): boolean;
}

/**
 * Refuses, before anything changes, sources whose claims the catalog
 * contradicts: a catalog source that is not the stem, recording, package
 * and audio it names; own audio this library never received. Own audio
 * that is catalog audio is accepted — it is licensed as that stem.
 */
export function refuseForgedSources(sources: readonly Source[], lookup: SourceLookup, own: OwnAudioCheck): void {
  const problems = sources.flatMap((source) => {
    if (source.type === 'catalog') return catalogClaimProblem(source, lookup) ?? [];
    if (!own.inStore(source.sha256) || own.isOwnAudio(source.sha256) || lookup.stemsWithAudio(source.sha256).length) return [];
    return `Source "${source.name}" names stored audio that is neither your own recording nor a catalog stem; record or import it first.`;
  });
  if (problems.length) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    throw new ServiceError('refused', `${problems[0]}${more} Nothing was changed.`, { problems });
  }
}
