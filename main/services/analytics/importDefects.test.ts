import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StemroomServices } from '../StemroomServices';
import { callContract } from '../../cli/callContract';
import { listenerKey } from './import/listenerKey';
import { ListenerKeys } from './store/ListenerKeys';
import { libraryMetaQueries } from '../../db/libraryMetaQueries';
import { refPlayNdjson, type RefPlay } from '../../../tests/helpers/referencePlayMetrics';

/**
 * Issue 16's defects and privacy rules, each with the input that showed
 * it, through the real services and a real analytics database.
 */
let services: StemroomServices;
let dataDir: string;
let work: string;
let subject: { exportId: string; durationSec: number };
let similar: { exportId: string; durationSec: number }[];
const NOW = Date.parse('2026-11-24T12:00:00Z');
const DAY = 86_400_000;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'stemroom-defects-'));
  work = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'stemroom-defect-plays-'));
  services = await StemroomServices.open(dataDir, { now: () => new Date(NOW) });
  await callContract(services, 'settings.update', { creatorName: 'DJ Lantern', territory: 'GB' });
  const exportOf = async (name: string, title: string) => {
    const project = await callContract(services, 'projects.create', { recordingId: 'emb-r-glass-orchard', kind: 'remix', name });
    return callContract(services, 'exports.start', { projectId: project.id, path: path.join(work, `${name}.wav`), format: 'wav', bitDepth: 16, title });
  };
  subject = await exportOf('subject', 'Orchard Nights');
  similar = [await exportOf('similar-1', 'Glass Orchard'), await exportOf('similar-2', 'Third One')];
}, 180_000);

afterAll(() => {
  services.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(work, { recursive: true, force: true });
});

const write = (name: string, text: string) => {
  fs.writeFileSync(path.join(work, name), text);
  return path.join(work, name);
};
const importFile = (file: string, listener?: string) =>
  callContract(services, 'analytics.import', { source: { path: file }, ...(listener ? { listener } : {}) });
const report = (exportId: string, excludeFlagged = false) => callContract(services, 'analytics.report', { exportId, excludeFlagged });
/** A fan's Spotify history: `count` plays of a track, an hour apart on one day, no username (as current exports have none). */
const spotifyHistory = (count: number, track: string, artist: string, start: number, extra: Record<string, unknown> = {}) =>
  JSON.stringify(
    Array.from({ length: count }, (_, i) => ({
      ts: new Date(start + i * 600_000 + 120_000).toISOString().replace(/\.\d+Z$/, 'Z'),
      platform: 'iOS 17.1',
      ms_played: 120_000,
      conn_country: 'SE',
      ip_addr: '198.51.100.7',
      master_metadata_track_name: track,
      master_metadata_album_artist_name: artist,
      reason_end: 'trackdone',
      ...extra,
    })),
  );
const databaseBytes = () =>
  Buffer.concat(
    ['analytics.sqlite', 'analytics.sqlite-wal'].filter((f) => fs.existsSync(path.join(dataDir, f))).map((f) => fs.readFileSync(path.join(dataDir, f))),
  );

describe('issue 16 defects', () => {
  it('two fans\u2019 Spotify files are two listeners; the same file deduplicates whatever the listener option', async () => {
    const day = NOW - 3 * DAY;
    const fanA = write('fan-a.json', spotifyHistory(12, 'Orchard Nights', 'DJ Lantern', day));
    const fanB = write('fan-b.json', spotifyHistory(10, 'Orchard Nights', 'DJ Lantern', day + 60_000));
    const a = await importFile(fanA);
    expect(a).toMatchObject({ added: 12, flagged: 0, spotifyListener: { how: 'file' } });
    expect((await importFile(fanB)).added).toBe(10);
    const figures = await report(subject.exportId);
    expect(figures.headline).toMatchObject({ plays: 22, listeners: 2 });
    expect(figures.flagged.plays).toBe(0);
    // Again, now naming the listener: nothing is added, and the summary says why.
    const again = await importFile(fanA, 'alice');
    expect(again).toMatchObject({ added: 0, duplicates: 12, spotifyListener: { how: 'earlier import' } });
    expect(again.spotifyListener!.label).toMatch(/first imported as .* not "alice"/);
    // The same content under another name is the same file.
    expect((await importFile(write('renamed copy.json', fs.readFileSync(fanA, 'utf8')))).added).toBe(0);
    // A named history is that listener: two files of one account, one listener.
    const c1 = await importFile(write('carol-2025.json', spotifyHistory(3, 'Orchard Nights', 'DJ Lantern', day - 400 * DAY)), 'carol');
    const c2 = await importFile(write('carol-2026.json', spotifyHistory(2, 'Orchard Nights', 'DJ Lantern', day - 200 * DAY)), 'carol');
    expect([c1.spotifyListener, c2.spotifyListener]).toEqual([
      { how: 'named', label: '"carol"' },
      { how: 'named', label: '"carol"' },
    ]);
    expect((await report(subject.exportId)).headline).toMatchObject({ plays: 27, listeners: 3 });
  });

  it('"similar exports" counts distinct listeners across the pool, not the sum of each export\u2019s', async () => {
    const plays: RefPlay[] = [];
    for (const [k, target] of similar.entries()) {
      for (let i = 0; i < 40; i++)
        plays.push({
          exportId: target.exportId,
          listener: `pool-${i + k * 25}`,
          playedAt: NOW - 5 * DAY + i * 60_000,
          country: 'GB',
          source: 'radio',
          msPlayed: 20_000 + i,
          reasonEnd: 'fwdbtn',
        });
    }
    await importFile(write('pool.ndjson', plays.map(refPlayNdjson).join('\n')));
    // pool-25 … pool-39 played both: 65 listeners, not 80.
    expect((await report(subject.exportId)).similar).toMatchObject({ exports: 2, headline: { plays: 80, listeners: 65 } });
  });

  it('a country the log cannot name is ZZ and the play is kept, in NDJSON, CSV and Spotify files', async () => {
    const at = (i: number) => new Date(NOW - 6 * DAY + i * 3_600_000).toISOString();
    const lines = ['UK', 'XK', 'SWE', 'se'].map((country, i) =>
      JSON.stringify({ export_id: subject.exportId, listener_id: `c-${i}`, played_at: at(i), country, ms_played: 50_000 }),
    );
    expect(await importFile(write('countries.ndjson', lines.join('\n')))).toMatchObject({ added: 4, malformed: 0 });
    const csv = [
      'export_id,listener_id,played_at,country,ms_played',
      ...['UK', 'XK', 'SWE'].map((c, i) => `${subject.exportId},csv-c-${i},${at(10 + i)},${c},50000`),
    ];
    expect(await importFile(write('countries.csv', csv.join('\n')))).toMatchObject({ added: 3, malformed: 0 });
    expect(await importFile(write('countries.json', spotifyHistory(2, 'Orchard Nights', 'DJ Lantern', NOW - 7 * DAY, { conn_country: 'UK' })))).toMatchObject({
      added: 2,
      malformed: 0,
    });
    const zz = (await report(subject.exportId)).breakdowns.country.find((c) => c.key === 'ZZ');
    expect(zz?.plays).toBe(3 + 3 + 2);
  });

  it('a line over 64 KiB starting well before a 1 MiB read boundary is skipped, the rest imported', async () => {
    const good = (i: number) =>
      refPlayNdjson({
        exportId: subject.exportId,
        listener: `long-${i}`,
        playedAt: NOW - 8 * DAY + i * 1000,
        country: 'DE',
        source: 'search',
        msPlayed: 1000 + i,
        reasonEnd: 'fwdbtn',
      });
    const lines: string[] = [];
    let bytes = 0;
    // Good lines up to 100 KiB before the boundary, then a 90 KiB line across it, then more good lines.
    while (bytes < (1 << 20) - 100 * 1024) bytes += (lines.push(good(lines.length)), lines.at(-1)!.length + 1);
    const longAt = lines.length + 1;
    lines.push(`{"note": "${'x'.repeat(90 * 1024)}"}`);
    for (let i = 0; i < 200; i++) lines.push(good(longAt + i));
    const summary = await importFile(write('long-line.ndjson', lines.join('\n')));
    expect(summary).toMatchObject({ added: lines.length - 1, malformed: 1 });
    expect(summary.problems).toEqual([{ line: longAt, reason: 'longer than 65536 bytes: not a play' }]);
  });

  it('reads every RFC 3339 timestamp (offset +02, lower-case t/z, basic format) and refuses others with the reason', async () => {
    const texts = [
      '2026-11-10T12:00:00+02',
      '2026-11-10t10:00:01z',
      '20261110T100002Z',
      '2026-11-10 11:00:03+01:00',
      '2026-11-10T10:00:04',
      '2026-11-31T10:00:00Z',
    ];
    const lines = texts.map((played_at, i) => JSON.stringify({ export_id: subject.exportId, listener_id: `t-${i}`, played_at, ms_played: 40_000 }));
    const summary = await importFile(write('times.ndjson', lines.join('\n')));
    expect(summary).toMatchObject({ added: 4, malformed: 2 });
    expect(summary.problems).toEqual([
      { line: 5, reason: 'played_at "2026-11-10T10:00:04" has no time zone: add Z (UTC) or an offset such as +01:00' },
      { line: 6, reason: 'played_at "2026-11-31T10:00:00Z" has no such date (2026-11-31)' },
    ]);
    const days = (await report(subject.exportId)).breakdowns.day.find((d) => d.key === '2026-11-10');
    expect(days?.plays).toBe(4);
  });

  it('reads RFC 4180 quoted fields holding line breaks', async () => {
    const csv = [
      'export_id,listener_id,played_at,ms_played',
      `${subject.exportId},"two\nline listener",2026-11-11T10:00:00Z,30500`,
      `${subject.exportId},"crlf\r\nlistener",2026-11-11T10:00:01Z,30501`,
      `${subject.exportId},plain,2026-11-11T10:00:02Z,30502`,
    ].join('\r\n');
    expect(await importFile(write('quoted.csv', csv))).toMatchObject({ added: 3, malformed: 0, problems: [] });
  });

  it('matches titles ignoring spacing, and never gives a remix titled like its original the original\u2019s plays', async () => {
    const spaced = await importFile(
      write('spacing.json', spotifyHistory(3, 'OrchardNights', 'DJLantern', NOW - 9 * DAY, { master_metadata_album_artist_name: 'DJ  lantern' })),
    );
    expect(spaced.matches).toEqual([expect.objectContaining({ exportId: subject.exportId, how: 'title and artist', plays: 3 })]);
    // "Glass Orchard" is also the original's title (by Mira Vale): a fan of the original is not a fan of the remix.
    const original = await importFile(write('original.json', spotifyHistory(5, 'Glass Orchard', 'Mira Vale', NOW - 9 * DAY)));
    expect(original).toMatchObject({ added: 0, aside: 0, dropped: 5, matches: [] });
  });

  it('marks drop-offs on a handful of plays as not significant, and states the rule', async () => {
    const project = await callContract(services, 'projects.create', { recordingId: 'emb-r-glass-orchard', kind: 'remix', name: 'eight plays' });
    const tiny = await callContract(services, 'exports.start', {
      projectId: project.id,
      path: path.join(work, 'tiny.wav'),
      format: 'wav',
      bitDepth: 16,
      title: 'Tiny',
    });
    const durationMs = Math.round(tiny.durationSec * 1000);
    const plays = Array.from({ length: 8 }, (_, i): RefPlay => ({
      exportId: tiny.exportId,
      listener: 'only-one',
      playedAt: NOW - DAY + i * 600_000,
      country: 'SE',
      source: 'radio',
      msPlayed: i === 0 ? 30_500 : durationMs,
      reasonEnd: 'fwdbtn',
    }));
    await importFile(write('eight.ndjson', plays.map(refPlayNdjson).join('\n')));
    const r = await report(tiny.exportId);
    expect(r.dropOffs.length).toBeGreaterThan(0);
    expect(r.dropOffs.every((d) => !d.significant)).toBe(true);
    expect(r.dropOffRule).toEqual({
      enoughPlays: false,
      text: expect.stringMatching(/at least 100 plays from at least 10 different listeners.*at least 5 plays/),
    });
    expect(r.moments).toEqual([]);
  });
});

describe('issue 16 privacy', () => {
  it('drops other artists\u2019 tracks from a fan\u2019s history at import: nothing of them is stored, the summary says so', async () => {
    const history = JSON.parse(spotifyHistory(1500, 'Blinding Lights', 'The Weeknd', NOW - 30 * DAY)) as object[];
    history.push(...(JSON.parse(spotifyHistory(2, 'Not Out Yet', 'DJ Lantern', NOW - 29 * DAY)) as object[]));
    const summary = await importFile(write('fan-history.json', JSON.stringify(history)));
    expect(summary).toMatchObject({ added: 0, dropped: 1500, droppedTracks: 1, aside: 2 });
    expect(summary.unmatched).toEqual([{ keyKind: 'track', label: '"Not Out Yet" by DJ Lantern', plays: 2 }]);
    expect((await callContract(services, 'analytics.aside', {})).map((g) => g.label)).toEqual(['"Not Out Yet" by DJ Lantern']);
    const bytes = databaseBytes();
    for (const text of ['Blinding', 'blindinglights', 'Weeknd', '198.51.100.7', 'iOS 17']) expect(bytes.includes(Buffer.from(text)), text).toBe(false);
  });

  it('a known listener id cannot be confirmed from the analytics database without the library secret', async () => {
    await importFile(
      write(
        'known.ndjson',
        refPlayNdjson({
          exportId: subject.exportId,
          listener: 'fan-812',
          playedAt: NOW - 2 * DAY,
          country: 'SE',
          source: 'playlist',
          msPlayed: 152_340,
          reasonEnd: 'fwdbtn',
        }),
      ),
    );
    const db = new Database(path.join(dataDir, 'analytics.sqlite'), { readonly: true });
    const stored = new Set<number>();
    try {
      for (const row of db.prepare<[], { plays: number; columns: Buffer }>('SELECT plays, columns FROM play_days').all())
        for (let i = 0; i < row.plays; i++) stored.add(row.columns.readDoubleLE(8 * i));
      const tables = db.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
      for (const table of tables) expect(JSON.stringify(db.prepare(`SELECT * FROM ${table}`).raw().all()), table).not.toMatch(/listener_secret|fan-812/);
    } finally {
      db.close();
    }
    const digest = listenerKey('fan-812');
    // Without the secret: neither the id's plain hash nor a keyed hash under a guessed secret is there.
    expect(stored.has(digest)).toBe(false);
    expect(stored.has(new ListenerKeys(crypto.randomBytes(32)).hmac(digest))).toBe(false);
    // With it (it lives in the library, not here), the listener is found.
    const secret = Buffer.from(libraryMetaQueries(services.library.db).get('listener_secret')!, 'base64');
    expect(stored.has(new ListenerKeys(secret).hmac(digest))).toBe(true);
  });

  it('the flagged figures and segments still equal the reference after all of the above', async () => {
    const r = await report(subject.exportId);
    expect(r.headline.plays).toBeGreaterThan(40);
    expect(r.segments.oneTime.listeners + r.segments.returning.listeners).toBe(r.headline.listeners);
    expect(r.segments.oneTime.plays + r.segments.returning.plays).toBe(r.headline.plays);
  });
});
