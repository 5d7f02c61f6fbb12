/**
 * The tags an export carries, format-neutral. Each writer maps them onto
 * its container's own fields (RIFF INFO/bext/ID3, Vorbis comments, ID3v2.4).
 */
export interface TagSet {
  readonly title: string;
  /** The export's artist: its creator. */
  readonly artist: string;
  /** Who remixed (remixes) — ID3 TPE4, Vorbis REMIXER. */
  readonly remixer?: string;
  readonly composers: readonly string[];
  readonly lyricists: readonly string[];
  /** Involved people: role → name pairs (ID3 TIPL). */
  readonly involved: readonly [string, string][];
  /** ISO date of the export. */
  readonly date: string;
  readonly copyright: string;
  readonly comment: string;
  readonly software: string;
  /** The export's own ISRC (ID3 TSRC, Vorbis ISRC), when it has one. */
  readonly isrc?: string;
  /** Source identifiers: ISRC and ISWC of each source (never as the output's own ISRC). */
  readonly sourceIsrcs: readonly string[];
  readonly sourceIswcs: readonly string[];
  readonly exportId: string;
  /** The attribution record, canonical JSON. */
  readonly attribution: string;
}
