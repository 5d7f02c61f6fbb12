import type { AttributionRecord } from '../../../shared/rights/attributionRecord';
import { readDisplayTags } from '../../media/metadata/readDisplayTags';
import { exportTags } from './exportTags';

/** A display tag that says something other than the record. */
export interface TagDisagreement {
  readonly tag: 'title' | 'artist' | 'remixer' | 'composer';
  readonly found: string;
  readonly expected: string;
}

/**
 * Names as a list, whichever way a tag joined them: ID3 writes several
 * composers into one value separated by "/" (ffmpeg and MediaInfo read only
 * the first of NUL-separated values), an ffmpeg remux joins Vorbis fields
 * with ";".
 */
function people(names: readonly string[]): string {
  return names
    .flatMap((name) => name.split(/[/;]/))
    .map((name) => name.trim())
    .join(', ');
}

/**
 * The display tags (what players and stores show) that disagree with the
 * attribution record — e.g. an artist renamed in a tag editor. A tag that
 * was removed is not a disagreement; a tag that says something else is.
 */
export function tagDisagreements(bytes: Uint8Array, record: AttributionRecord): TagDisagreement[] {
  const found = readDisplayTags(bytes);
  const expected = exportTags(record);
  const out: TagDisagreement[] = [];
  const compare = (tag: TagDisagreement['tag'], value: string | undefined, wanted: string | undefined) => {
    if (value !== undefined && value !== (wanted ?? '')) out.push({ tag, found: value, expected: wanted ?? '' });
  };
  compare('title', found.title, expected.title);
  compare('artist', found.artist, expected.artist);
  compare('remixer', found.remixer, expected.remixer);
  if (found.composers) compare('composer', people(found.composers), people(expected.composers));
  return out;
}
