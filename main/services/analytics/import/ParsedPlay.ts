/** How a play names the export it belongs to. */
export type PlayKeyKind = 'export' | 'isrc' | 'audio' | 'track';

/** A play read from a file, validated, before it is matched to an export. */
export interface ParsedPlay {
  readonly keyKind: PlayKeyKind;
  /** Export id, compact ISRC, audio SHA-256, or normalized "title\u0000artist". */
  readonly keyValue: string;
  /** What the file called the track (for the match list shown to the user). */
  readonly label: string;
  /** Pseudonymous listener id, hashed (the id itself is never stored). */
  readonly listener: number;
  /** UTC milliseconds. */
  readonly playedAt: number;
  /** ISO 3166-1 alpha-2, or ZZ when unknown. */
  readonly country: string;
  /** Index into PLAY_SOURCES. */
  readonly source: number;
  readonly msPlayed: number;
  /** Index into END_REASONS. */
  readonly reasonEnd: number;
}

/** Outcome of reading one line or entry. */
export type LineResult = { readonly play: ParsedPlay } | { readonly error: string } | { readonly ignored: string };
