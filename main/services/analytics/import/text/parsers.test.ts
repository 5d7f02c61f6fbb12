import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsvLine } from './parseCsvLine';
import { parseIsoTime } from './parseIsoTime';
import { parseSpotifyEntry } from './parseSpotifyEntry';
import { trackKey } from '../trackKey';

describe('parseIsoTime', () => {
  it('reads zones and fractions like Date.parse does', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }), (date) => {
        expect(parseIsoTime(date.toISOString())).toBe(date.getTime());
      }),
    );
    expect(parseIsoTime('2026-11-01T19:04:05.250+01:00')).toBe(Date.parse('2026-11-01T18:04:05.250Z'));
    expect(parseIsoTime('2026-11-01T13:04:05-0530')).toBe(Date.parse('2026-11-01T18:34:05Z'));
  });

  it.each(['2026-11-01T18:04:05', '2026-13-01T00:00:00Z', '2026-04-31T00:00:00Z', '2026-11-01', 'yesterday', '2026-11-01T24:00:00Z'])('refuses %s', (text) => {
    expect(parseIsoTime(text)).toBeNull();
  });
});

describe('parseCsvLine', () => {
  it('round-trips any fields written with RFC 4180 quoting', () => {
    fc.assert(
      fc.property(fc.array(fc.string().filter((s) => !/[\r\n]/.test(s)), { minLength: 1, maxLength: 8 }), (fields) => {
        const line = fields.map((f) => (/[",]/.test(f) ? `"${f.replaceAll('"', '""')}"` : f)).join(',');
        expect(parseCsvLine(line)).toEqual(fields);
      }),
    );
  });

  it('refuses an unclosed quote', () => {
    expect(parseCsvLine('a,"b,c')).toBeNull();
    expect(parseCsvLine('a,"b"x,c')).toBeNull();
  });
});

describe('parseSpotifyEntry', () => {
  it('starts the play ms_played before ts (Spotify stamps the end) and folds names for matching', () => {
    const result = parseSpotifyEntry({ ts: '2026-11-01T10:00:30Z', ms_played: 30_000, master_metadata_track_name: 'Glass  Orchard (Remix)', master_metadata_album_artist_name: 'Mïra Vale', reason_end: 'fwdbtn' }, 'me');
    expect('play' in result && result.play).toMatchObject({ playedAt: Date.parse('2026-11-01T10:00:00Z'), keyValue: trackKey('glass orchard remix', 'MIRA VALE'), reasonEnd: 1, country: 'ZZ' });
  });
});
