import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsvLine } from './parseCsvLine';
import { parseIsoTime, timeProblem } from './parseIsoTime';
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

  it('reads every RFC 3339 spelling of a moment, and the ISO 8601 forms with a zone the issue found refused', () => {
    const at = Date.parse('2026-11-01T18:04:05.250Z');
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2999-12-31T23:59:59Z'), noInvalidDate: true }),
        fc.integer({ min: -23 * 60 - 59, max: 23 * 60 + 59 }),
        fc.constantFrom('T', 't', ' '),
        fc.boolean(),
        (date, offset, separator, lowerZ) => {
          const local = new Date(date.getTime() + offset * 60_000).toISOString().slice(0, 23);
          const zone =
            offset === 0
              ? lowerZ
                ? 'z'
                : 'Z'
              : `${offset < 0 ? '-' : '+'}${String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0')}:${String(Math.abs(offset) % 60).padStart(2, '0')}`;
          expect(parseIsoTime(`${local.slice(0, 10)}${separator}${local.slice(11)}${zone}`)).toBe(date.getTime());
        },
      ),
    );
    for (const [text, ms] of [
      ['2026-11-01t18:04:05.250z', at],
      ['2026-11-01T20:04:05.250+02', at],
      ['2026-11-01T16:04:05.250-0200', at],
      ['20261101T180405.250Z', at],
      ['20261101T200405,25+0200', at],
      ['20261101t190405.250+01', at],
      ['2026-11-01T18:04:05.250123456Z', at],
      ['2026-11-01T18:04:05.250-00:00', at],
      ['2026-11-01T18:04Z', at - 5250],
      ['2016-12-31T23:59:60Z', Date.parse('2017-01-01T00:00:00Z')],
    ] as const) {
      expect(parseIsoTime(text), text).toBe(ms);
    }
    // Year 99 is year 99 (Date.UTC would make it 1999).
    const year99 = new Date(0);
    year99.setUTCFullYear(99, 5, 1);
    expect(parseIsoTime('0099-06-01T00:00:00Z')).toBe(year99.getTime());
  });

  it.each([
    ['2026-11-01T18:04:05', 'has no time zone: add Z (UTC) or an offset such as +01:00'],
    ['20261101T180405', 'has no time zone: add Z (UTC) or an offset such as +01:00'],
    ['2026-13-01T00:00:00Z', 'has no such date (2026-13-01)'],
    ['2026-04-31T00:00:00Z', 'has no such date (2026-04-31)'],
    ['2026-02-29T00:00:00Z', 'has no such date (2026-02-29)'],
    ['2026-11-01T24:00:00Z', 'has no such time of day (24:00:00)'],
    ['2026-11-01T23:60:00Z', 'has no such time of day (23:60:00)'],
    ['2026-11-01T10:00:00+24:00', 'has no such zone offset (+24:00)'],
    ['2026-11-01', 'is a date without a time of day'],
    ['20261101', 'is a date without a time of day'],
    ['2026-11-01T180405Z', 'is not a time of day with a zone (e.g. 2026-11-01T18:04:05Z)'],
    ['2026-11-01T18:04:05 Z', 'is not a time of day with a zone (e.g. 2026-11-01T18:04:05Z)'],
    ['yesterday', 'is not a date and time (e.g. 2026-11-01T18:04:05Z)'],
    ['1730484245', 'is not a date and time (e.g. 2026-11-01T18:04:05Z)'],
  ])('refuses %s: it %s', (text, why) => {
    expect(parseIsoTime(text)).toBeNull();
    expect(timeProblem(text)).toBe(why);
  });
});

describe('parseCsvLine', () => {
  it('round-trips any fields written with RFC 4180 quoting', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.string().filter((s) => !/[\r\n]/.test(s)),
          { minLength: 1, maxLength: 8 },
        ),
        (fields) => {
          const line = fields.map((f) => (/[",]/.test(f) ? `"${f.replaceAll('"', '""')}"` : f)).join(',');
          expect(parseCsvLine(line)).toEqual(fields);
        },
      ),
    );
  });

  it('refuses an unclosed quote', () => {
    expect(parseCsvLine('a,"b,c')).toBeNull();
    expect(parseCsvLine('a,"b"x,c')).toBeNull();
  });
});

describe('parseSpotifyEntry', () => {
  it('starts the play ms_played before ts (Spotify stamps the end) and folds names for matching', () => {
    const result = parseSpotifyEntry(
      {
        ts: '2026-11-01T10:00:30Z',
        ms_played: 30_000,
        master_metadata_track_name: 'Glass  Orchard (Remix)',
        master_metadata_album_artist_name: 'Mïra Vale',
        reason_end: 'fwdbtn',
      },
      7,
    );
    expect('play' in result && result.play).toMatchObject({
      playedAt: Date.parse('2026-11-01T10:00:00Z'),
      keyValue: trackKey('glass orchard remix', 'MIRA VALE'),
      reasonEnd: 1,
      country: 'ZZ',
    });
  });
});
