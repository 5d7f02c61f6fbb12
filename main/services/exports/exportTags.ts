import type { AttributionRecord } from '../../../shared/rights/attributionRecord';
import { canonicalJson } from '../../../shared/rights/canonicalJson';
import { formatIsrc, formatIswc } from '../../../shared/rights/identifiers';
import type { TagSet } from '../../media/metadata/TagSet';

const unique = (values: string[]) => [...new Set(values)];

/** The file tags of an export, from its attribution record. */
export function exportTags(record: AttributionRecord): TagSet {
  // A cover credits the covered work's writers even when no original audio is used.
  const works = [...record.sources.map((s) => s.work), ...(record.covered ? [record.covered.work] : [])];
  const writers = works.flatMap((w) => w.writers);
  const named = (test: (role: string) => boolean) => unique(writers.filter((w) => test(w.role)).map((w) => w.name));
  const remix = record.output.versionType === 'remix';
  const originals = unique(record.sources.map((s) => s.recording.displayArtist));
  // Who is heard performing: the sources' artists, and the creator when their own takes (or a cover's performance) are in it.
  const performers = unique([...originals, ...(!remix || record.ownRecordings.length ? [record.creator.name] : [])]);
  const licensors = unique(record.licences.map((l) => l.licensor));
  const year = record.createdAt.slice(0, 4);
  return {
    title: record.output.title,
    ...(record.output.isrc ? { isrc: record.output.isrc } : {}),
    artist: remix ? originals.join(', ') || record.creator.name : record.creator.name,
    ...(remix ? { remixer: record.creator.name } : {}),
    performers,
    composers: named((role) => role.includes('composer')),
    lyricists: named((role) => role.includes('lyricist')),
    arrangers: named((role) => role === 'arranger'),
    date: record.createdAt,
    copyright:
      `℗ ${year} ${record.creator.name}${licensors.length ? `; contains material licensed from ${licensors.join(', ')}` : ''}. ${record.licences.map((l) => l.creditText).join(' ')}`.trim(),
    comment: `${remix ? 'Remix' : 'Cover'} by ${record.creator.name}. Written by ${unique(writers.map((w) => w.name)).join(', ') || 'unknown'}. Stemroom export ${record.exportId}. ${record.credits.join(' ')}`,
    software: `Stemroom ${record.app.version}`,
    sourceIsrcs: unique(record.sources.map((s) => formatIsrc(s.recording.isrc))),
    sourceIswcs: unique(works.flatMap((w) => (w.iswc ? [formatIswc(w.iswc)] : []))),
    exportId: record.exportId,
    loudness: { integratedLufs: record.output.loudness.integratedLufs, truePeakDbtp: record.output.loudness.truePeakDbtp },
    attribution: canonicalJson(record),
  };
}
