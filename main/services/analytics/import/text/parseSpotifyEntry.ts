import { END_REASONS, PLAY_SOURCES } from '../../../../../shared/analytics/playDefinitions';
import { isCountryCode } from '../../../../../shared/rights/territories';
import { listenerKey } from '../listenerKey';
import type { LineResult } from '../ParsedPlay';
import { parseIsoTime, timeProblem } from './parseIsoTime';
import { trackKey } from '../trackKey';

const reasonIndex = new Map<string, number>(END_REASONS.map((r, i) => [r, i]));
const OTHER_REASON = END_REASONS.indexOf('other');
const OTHER_SOURCE = PLAY_SOURCES.indexOf('other');

/**
 * One entry of Spotify's "Extended streaming history" (Streaming_History_Audio_*.json).
 * Only what the metrics need is read; personal fields (ip_addr, platform,
 * user agent…) are never copied. Podcast and audiobook entries are ignored.
 * The file is one account's history: the listener is its `username`, or
 * `fallbackListener` (a listener digest, or −key − 1 for a stored key:
 * see AnalyticsService's Spotify listener) when the export omits it, as
 * current exports do.
 */
export function parseSpotifyEntry(entry: unknown, fallbackListener: number): LineResult {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return { error: 'not an object' };
  const e = entry as Record<string, unknown>;
  const track = typeof e.master_metadata_track_name === 'string' ? e.master_metadata_track_name.trim() : '';
  const artist = typeof e.master_metadata_album_artist_name === 'string' ? e.master_metadata_album_artist_name.trim() : '';
  if (!track) return e.episode_name || e.audiobook_title ? { ignored: 'podcast or audiobook' } : { ignored: 'no track name' };
  if (typeof e.ts !== 'string') return { error: 'ts is missing' };
  const playedAt = parseIsoTime(e.ts);
  if (playedAt === null) return { error: `ts "${e.ts.slice(0, 40)}" ${timeProblem(e.ts)}` };
  if (typeof e.ms_played !== 'number' || !Number.isInteger(e.ms_played) || e.ms_played < 0 || e.ms_played > 86_400_000)
    return { error: 'ms_played is not a whole number of milliseconds' };
  const countryText = typeof e.conn_country === 'string' ? e.conn_country.toUpperCase() : 'ZZ';
  const country = isCountryCode(countryText) ? countryText : 'ZZ';
  const listener = typeof e.username === 'string' && e.username ? listenerKey(`spotify:${e.username}`) : fallbackListener;
  const reason = typeof e.reason_end === 'string' ? (reasonIndex.get(e.reason_end) ?? OTHER_REASON) : OTHER_REASON;
  return {
    play: {
      keyKind: 'track',
      keyValue: trackKey(track, artist),
      label: artist ? `"${track}" by ${artist}` : `"${track}"`,
      listener,
      // Spotify's ts is when the play ended; the play started ms_played earlier.
      playedAt: playedAt - e.ms_played,
      country,
      source: OTHER_SOURCE,
      msPlayed: e.ms_played,
      reasonEnd: reason,
    },
  };
}
