/**
 * The tags an export carries, format-neutral. Each writer maps them onto
 * its container's own fields (RIFF INFO/bext/ID3, Vorbis comments, ID3v2.4).
 */
export interface TagSet {
  readonly title: string;
  /** The display artist: the original artist(s) of a remix, the creator of a cover. */
  readonly artist: string;
  /** Who remixed (remixes) — ID3 TPE4, Vorbis REMIXER. */
  readonly remixer?: string;
  /** Who is heard performing: the sources' artists, and the creator when their own takes are heard (Vorbis PERFORMER). Never the writers. */
  readonly performers: readonly string[];
  readonly composers: readonly string[];
  readonly lyricists: readonly string[];
  readonly arrangers: readonly string[];
  /** ISO date of the export. */
  readonly date: string;
  readonly copyright: string;
  /** The comment: who remixed/covered, who wrote, the export id and every credit line (what ffmpeg-based tools read from a WAV). */
  readonly comment: string;
  readonly software: string;
  /** The export's own ISRC (ID3 TSRC, Vorbis ISRC), when it has one. */
  readonly isrc?: string;
  /** Source identifiers: ISRC and ISWC of each source (never as the output's own ISRC). */
  readonly sourceIsrcs: readonly string[];
  readonly sourceIswcs: readonly string[];
  readonly exportId: string;
  /** Measured loudness of the file (bext v2 LoudnessValue and MaxTruePeakLevel), when known. */
  readonly loudness?: { readonly integratedLufs: number | null; readonly truePeakDbtp: number | null };
  /** The attribution record, canonical JSON. */
  readonly attribution: string;
}
