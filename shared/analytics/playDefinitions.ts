/**
 * What a play is and what the metrics mean. The importer, the rollups, the
 * report, the docs (docs/plays-format.md) and the Analytics place all read
 * these — one definition, so the numbers agree everywhere.
 */

/** Where a listener started the play. Unknown values import as "other". */
export const PLAY_SOURCES = ['playlist', 'search', 'profile', 'radio', 'album', 'other'] as const;
export type PlaySource = (typeof PLAY_SOURCES)[number];

/** Why the play ended. Unknown values import as "other". */
export const END_REASONS = ['trackdone', 'fwdbtn', 'backbtn', 'endplay', 'logout', 'other'] as const;
export type EndReason = (typeof END_REASONS)[number];

/** A play that ends before this is a skip (unless it completed a very short track). */
export const SKIP_BEFORE_MS = 30_000;
/** A play that reaches this share of the duration (or ends with `trackdone`) is a completion. */
export const COMPLETION_SHARE = 0.95;

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
export const MINUTE_MS = 60_000;

/** The part of a play that counts: ms_played, capped at the export's duration. */
export function listenedMs(msPlayed: number, durationMs: number): number {
  return msPlayed < durationMs ? msPlayed : durationMs;
}

export function isCompletion(msPlayed: number, durationMs: number, reasonEnd: number): boolean {
  return reasonEnd === TRACKDONE || msPlayed >= COMPLETION_SHARE * durationMs;
}

export function isSkip(msPlayed: number, durationMs: number, reasonEnd: number): boolean {
  return msPlayed < SKIP_BEFORE_MS && !isCompletion(msPlayed, durationMs, reasonEnd);
}

/** Index of `trackdone` in END_REASONS (reasons are stored as indexes). */
export const TRACKDONE = 0;

/** The whole second a play's listening ended in (its bucket in the retention histogram). */
export function endSecond(msPlayed: number, durationMs: number): number {
  return Math.floor(listenedMs(msPlayed, durationMs) / 1000);
}

/** Seconds on the retention curve: 0 … floor(duration). */
export function curveLength(durationMs: number): number {
  return Math.floor(durationMs / 1000) + 1;
}

/** Plain-language definitions, shown beside the numbers in the app and the docs. */
export const METRIC_DEFINITIONS = {
  plays: 'Every play imported for this export (duplicates counted once).',
  listeners: 'Distinct listener ids among those plays.',
  skipRate: 'Share of plays that ended before 30 s (and did not complete the track).',
  completionRate: 'Share of plays that reached 95 % of the duration, or ended with "trackdone".',
  meanShare: 'Average share of the track heard per play (time played, capped at the duration).',
  medianShare: 'Median share heard per play, to the second.',
  retention: 'Share of plays still listening at each second of the track.',
  dropOffs: 'Moments where the retention curve falls fastest (3-second windows), with the section and the stems that enter or leave there.',
  flagged:
    'Plays that look artificial (each says which rule caught it: a listener replaying it 20+ times in 24 hours, bursts stopping at 30 s, listeners who play nothing else, plays that always end exactly at the end, a one-country spike). Excluding them removes them from every figure; plays whose flags you dispute count again.',
  listenerSegments:
    'One-time listeners played this export once; returning listeners played it more than once. Repeat rate: the share of listeners who returned.',
} as const;
