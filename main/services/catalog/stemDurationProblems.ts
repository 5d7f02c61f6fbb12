import type { CatalogPackage } from '../../../shared/catalog/catalogPackageSchema';
import type { StoredStemAnalysis } from '../../db/catalogWriteQueries';

/**
 * How far a stem's decoded duration may be from its recording's
 * `durationMs`: 1 s, or 0.5 % of the recording for songs over 200 s.
 * Stems bounced from one session are the song's length to the sample; MP3
 * priming and padding add tens of milliseconds. Documented in
 * docs/catalog-package.md.
 */
export function durationToleranceMs(durationMs: number): number {
  return Math.max(1000, Math.round(durationMs * 0.005));
}

/**
 * Every stem whose decoded duration disagrees with the recording's
 * declared `durationMs` (a manifest may not claim a 10-minute song over
 * 2-second stems, or the reverse).
 */
export function stemDurationProblems(pkg: CatalogPackage, analyses: ReadonlyMap<string, Pick<StoredStemAnalysis, 'frames' | 'sampleRate'>>): string[] {
  const problems: string[] = [];
  pkg.recordings.forEach((recording, i) => {
    const tolerance = durationToleranceMs(recording.durationMs);
    recording.stems.forEach((stem) => {
      const analysis = analyses.get(stem.id);
      if (!analysis) return;
      const ms = Math.round((analysis.frames / analysis.sampleRate) * 1000);
      if (Math.abs(ms - recording.durationMs) > tolerance) {
        problems.push(`recordings[${i}].durationMs: ${recording.durationMs} ms, but stem "${stem.file}" lasts ${ms} ms (more than ${tolerance} ms apart)`);
      }
    });
  });
  return problems;
}
