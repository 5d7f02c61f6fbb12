import type { CatalogPackage } from '../../../shared/catalog/catalogPackageSchema';
import type { StoredStemAnalysis } from '../../db/catalogWriteQueries';
import { importRefusal } from '../importRefusal';

/** A stored stem whose sound a new stem contains, as the fingerprint index reports it. */
export interface RecognisedStem {
  readonly stemId: string;
  readonly coveredSec: number;
}

/** What a stored stem is, for the refusal line. */
export type StemFacts = (stemId: string) => { stemName: string; recordingTitle: string; packageId: string } | undefined;

/**
 * A new stem whose sound is another package's stem (re-encoded, resampled,
 * turned down: the fingerprint recognises it, docs/fingerprint.md) is that
 * package's audio, however new its bytes: delivering it under new ids and
 * licences would launder it. Same-byte copies are refused earlier, by hash;
 * this is the same rule for the same sound. Audio already stored (no new
 * analysis) was judged when it arrived. A derivative's stem may carry the
 * upstream stems its verified chain says it contains (a remix is made of
 * them), and no other.
 */
export async function refuseRecognisedAudio(
  pkg: CatalogPackage,
  analyses: ReadonlyMap<string, StoredStemAnalysis>,
  recognise: (fingerprint: Uint8Array) => Promise<readonly RecognisedStem[]>,
  stemFacts: StemFacts,
  /** The stored stems a new stem is proved to contain (a derivative's, verified through its chain): their sound is expected in it. */
  contains: (stemId: string) => readonly { readonly packageId: string; readonly stemId: string }[] = () => [],
): Promise<void> {
  const problems: string[] = [];
  for (const [i, recording] of pkg.recordings.entries()) {
    for (const [j, stem] of recording.stems.entries()) {
      const fingerprint = analyses.get(stem.id)?.fingerprint;
      if (!fingerprint) continue;
      for (const match of await recognise(fingerprint)) {
        const other = stemFacts(match.stemId);
        if (!other || other.packageId === pkg.package.id) continue;
        if (contains(stem.id).some((c) => c.stemId === match.stemId && c.packageId === other.packageId)) continue;
        problems.push(
          `recordings[${i}].stems[${j}].file: this audio is the stem "${other.stemName}" of "${other.recordingTitle}" (package "${other.packageId}"), recognised by its fingerprint (${match.coveredSec.toFixed(1)} s in common); a package may not deliver another package's audio`,
        );
        break;
      }
    }
  }
  if (problems.length) throw importRefusal('manifest.json', problems);
}
