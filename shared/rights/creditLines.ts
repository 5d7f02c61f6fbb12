import { formatIsrc, formatIswc } from './identifiers';
import type { Creator, RecordingFacts } from './ExportRights';

function list(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * Credit lines in the form a distributor would paste, one per source, then
 * each licence's required credit text verbatim:
 * "Remix of 'Title' (ISRC …) by Artist, written by … (ISWC …). Used under licence L-…"
 */
export function creditLines(
  kind: 'remix' | 'cover',
  title: string,
  creator: Creator,
  recordings: readonly RecordingFacts[],
  licenceIds: readonly string[],
  requiredCredits: readonly string[],
): string[] {
  const lines = [`"${title}" — ${kind === 'remix' ? 'remix' : 'cover'} by ${creator.name}.`];
  for (const r of recordings) {
    const writers = list(r.work.writers.map((w) => w.name));
    const iswc = r.work.iswc ? ` (ISWC ${formatIswc(r.work.iswc)})` : '';
    const used = licenceIds.filter((id) => r.masterLicences.some((l) => l.id === id) || r.publishingLicences.some((l) => l.id === id));
    const licences = used.length ? ` Used under licence${used.length > 1 ? 's' : ''} ${list(used)}.` : '';
    lines.push(
      kind === 'remix'
        ? `Remix of '${r.title}' (ISRC ${formatIsrc(r.isrc)}) by ${r.displayArtist}, written by ${writers}${iswc}.${licences}`
        : `Cover of '${r.work.title}' written by ${writers}${iswc}, originally recorded by ${r.displayArtist} (ISRC ${formatIsrc(r.isrc)}).${licences}`,
    );
  }
  return [...lines, ...requiredCredits];
}
