import { END_REASONS, PLAY_SOURCES } from '../../../../../shared/analytics/playDefinitions';
import { normalizeIsrc } from '../../../../../shared/rights/identifiers';
import { isCountryCode } from '../../../../../shared/rights/territories';
import { listenerKey } from '../listenerKey';
import type { LineResult } from '../ParsedPlay';
import { parseIsoTime, timeProblem } from './parseIsoTime';

const sourceIndex = new Map<string, number>(PLAY_SOURCES.map((s, i) => [s, i]));
const reasonIndex = new Map<string, number>(END_REASONS.map((r, i) => [r, i]));
const OTHER_SOURCE = PLAY_SOURCES.indexOf('other');
const OTHER_REASON = END_REASONS.indexOf('other');
/** Longer than a day is not a play of one track. */
const MAX_MS_PLAYED = 86_400_000;

const text = (value: unknown): string | undefined =>
  (typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : undefined) || undefined;

/**
 * One play in Stemroom's play-log format (an NDJSON object, or a CSV row
 * mapped by its header) — see docs/plays-format.md. Returns the play or
 * the reason it cannot be read.
 */
export function parsePlayRecord(record: Record<string, unknown>): LineResult {
  const exportId = text(record.export_id);
  const isrcText = text(record.isrc);
  const audio = text(record.audio_sha256)?.toLowerCase();
  let keyKind: 'export' | 'isrc' | 'audio';
  let keyValue: string;
  if (exportId) {
    if (!/^[0-9a-f-]{36}$/i.test(exportId)) return { error: `export_id "${clip(exportId)}" is not an export id (a UUID)` };
    [keyKind, keyValue] = ['export', exportId.toLowerCase()];
  } else if (audio) {
    if (!/^[0-9a-f]{64}$/.test(audio)) return { error: `audio_sha256 "${clip(audio)}" is not a SHA-256 (64 hex digits)` };
    [keyKind, keyValue] = ['audio', audio];
  } else if (isrcText) {
    const isrc = normalizeIsrc(isrcText);
    if (!isrc) return { error: `isrc "${clip(isrcText)}" is not an ISRC (CC-XXX-YY-NNNNN)` };
    [keyKind, keyValue] = ['isrc', isrc];
  } else return { error: 'no export_id, isrc or audio_sha256: which export was played?' };

  const listenerId = text(record.listener_id);
  if (!listenerId) return { error: 'listener_id is missing' };
  if (listenerId.length > 200) return { error: 'listener_id is longer than 200 characters' };

  const playedAtText = text(record.played_at);
  if (!playedAtText) return { error: 'played_at is missing' };
  const playedAt = parseIsoTime(playedAtText);
  if (playedAt === null) return { error: `played_at "${clip(playedAtText)}" ${timeProblem(playedAtText)}` };

  // A country the log cannot name (UK, XK, SWE, a typo) is unknown, not a reason to lose the play: ZZ, as Spotify's are.
  const countryText = text(record.country)?.toUpperCase() ?? 'ZZ';
  const country = isCountryCode(countryText) ? countryText : 'ZZ';

  const msText = record.ms_played;
  const msPlayed = typeof msText === 'number' ? msText : typeof msText === 'string' && /^\s*\d+\s*$/.test(msText) ? Number(msText) : NaN;
  if (!Number.isInteger(msPlayed) || msPlayed < 0)
    return {
      error: msText === undefined || msText === '' ? 'ms_played is missing' : `ms_played "${clip(String(msText))}" is not a whole number of milliseconds ≥ 0`,
    };
  if (msPlayed > MAX_MS_PLAYED) return { error: `ms_played ${msPlayed} is longer than a day` };

  const source = sourceIndex.get(text(record.source)?.toLowerCase() ?? 'other') ?? OTHER_SOURCE;
  const reasonEnd = reasonIndex.get(text(record.reason_end)?.toLowerCase() ?? 'other') ?? OTHER_REASON;
  return {
    play: { keyKind, keyValue, label: exportId ?? audio ?? isrcText!, listener: listenerKey(listenerId), playedAt, country, source, msPlayed, reasonEnd },
  };
}

function clip(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}
