import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ServiceError } from '../ServiceError';
import { StemroomServices } from '../StemroomServices';
import { callContract } from '../../cli/callContract';
import { seededRandom } from '../../../engine/common/dsp/seededRandom';
import { referenceMetrics, type RefPlay } from '../../../tests/helpers/referencePlayMetrics';
import { expectMatchesReference } from '../../../tests/helpers/expectMatchesReference';

let services: StemroomServices;
let dataDir: string;
let work: string;
let exportA: { exportId: string; durationSec: number };
let exportB: { exportId: string; durationSec: number };
const NOW = Date.parse('2026-11-24T12:00:00Z');
const DAY = 86_400_000;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'stemroom-analytics-'));
  work = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'stemroom-plays-'));
  services = await StemroomServices.open(dataDir, { now: () => new Date(NOW) });
  await callContract(services, 'settings.update', { creatorName: 'DJ Lantern', territory: 'GB' });
  const project = await callContract(services, 'projects.create', { recordingId: 'emb-r-glass-orchard', kind: 'remix' });
  exportA = await callContract(services, 'exports.start', {
    projectId: project.id,
    path: path.join(work, 'a.wav'),
    format: 'wav',
    bitDepth: 16,
    isrc: 'GB-XYZ-26-00001',
  });
  exportB = await callContract(services, 'exports.start', {
    projectId: project.id,
    path: path.join(work, 'b.flac'),
    format: 'flac',
    title: 'Glass Orchard (Night Mix)',
  });
}, 120_000);

afterAll(() => {
  services.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(work, { recursive: true, force: true });
});

/** Plays with the edge cases the definitions care about, plus a replaying bot and a 30-second burst. */
function generatePlays(seed: number, exportId: string, durationMs: number, count: number): RefPlay[] {
  const random = seededRandom(seed);
  const edges = [0, 29_999, 30_000, 31_000, Math.floor(durationMs * 0.95) - 1, Math.ceil(durationMs * 0.95), durationMs - 1, durationMs, durationMs + 60_000];
  const countries = ['US', 'GB', 'DE', 'SE', 'ZZ'];
  const sources = ['playlist', 'search', 'radio', 'other'];
  const reasons = ['trackdone', 'fwdbtn', 'endplay', 'logout', 'backbtn'];
  const plays: RefPlay[] = [];
  for (let i = 0; i < count; i++) {
    const msPlayed = i < edges.length * 3 ? edges[i % edges.length]! : Math.floor(random() * (durationMs + 20_000));
    plays.push({
      exportId,
      listener: `u${Math.floor(random() * 400)}`,
      playedAt: NOW - 3 * DAY + Math.floor(random() * 3 * DAY),
      country: countries[Math.floor(random() * countries.length)]!,
      source: sources[Math.floor(random() * sources.length)]!,
      msPlayed,
      reasonEnd: reasons[Math.floor(random() * reasons.length)]!,
    });
  }
  const botDay = NOW - 2 * DAY - ((NOW - 2 * DAY) % DAY);
  // Exactly at the thresholds: 20 plays in a day is a repeat player, 19 is not; 10 plays stopping at 30–32 s in an hour is a burst, 9 is not.
  for (let i = 0; i < 20; i++)
    plays.push({
      exportId,
      listener: 'bot',
      playedAt: botDay + i * 600_000,
      country: 'US',
      source: 'radio',
      msPlayed: Math.floor(random() * durationMs),
      reasonEnd: 'endplay',
    });
  for (let i = 0; i < 19; i++)
    plays.push({
      exportId,
      listener: 'fan',
      playedAt: botDay + DAY + i * 600_000,
      country: 'US',
      source: 'radio',
      msPlayed: Math.floor(random() * durationMs),
      reasonEnd: 'endplay',
    });
  const burstHour = NOW - 10 * DAY - ((NOW - 10 * DAY) % 3_600_000);
  for (let i = 0; i < 9; i++)
    plays.push({
      exportId,
      listener: `early${i}`,
      playedAt: burstHour - 3_600_000 + i * 1000,
      country: 'BR',
      source: 'playlist',
      msPlayed: 30_000 + i * 150,
      reasonEnd: 'endplay',
    });
  for (let i = 0; i < 10; i++)
    plays.push({
      exportId,
      listener: `burst${i}`,
      playedAt: burstHour + i * 1000,
      country: 'BR',
      source: 'playlist',
      msPlayed: 30_000 + i * 150,
      reasonEnd: 'endplay',
    });
  plays.push({ exportId, listener: 'human', playedAt: burstHour + 5000, country: 'BR', source: 'search', msPlayed: 90_000, reasonEnd: 'fwdbtn' });
  return plays;
}

const line = (p: RefPlay) =>
  JSON.stringify({
    export_id: p.exportId,
    listener_id: p.listener,
    played_at: new Date(p.playedAt).toISOString(),
    country: p.country,
    source: p.source,
    ms_played: p.msPlayed,
    reason_end: p.reasonEnd,
  });

const dumpAnalytics = () => {
  const db = new Database(path.join(dataDir, 'analytics.sqlite'), { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
    return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM ${t}`).raw().all()]));
  } finally {
    db.close();
  }
};

describe('analytics', () => {
  const all: RefPlay[] = [];

  it('imports NDJSON: figures equal an independent computation, malformed lines reported by number, duplicates counted once', async () => {
    const durationA = Math.round(exportA.durationSec * 1000);
    const durationB = Math.round(exportB.durationSec * 1000);
    const plays = [...generatePlays(7, exportA.exportId, durationA, 3000), ...generatePlays(8, exportB.exportId, durationB, 800)];
    const lines = plays.map(line);
    lines.push(...lines.slice(100, 150)); // the same plays again
    const malformed: [string, RegExp][] = [
      ['{"export_id": ', /not JSON/],
      [JSON.stringify({ export_id: exportA.exportId, played_at: '2026-11-20T10:00:00Z', ms_played: 1000 }), /listener_id is missing/],
      [
        JSON.stringify({ export_id: exportA.exportId, listener_id: 'x', played_at: '2026-11-20 10:00', ms_played: 1000 }),
        /played_at "2026-11-20 10:00" has no time zone/,
      ],
      [
        JSON.stringify({ export_id: exportA.exportId, listener_id: 'x', played_at: '2026-11-20T10:00:00Z', ms_played: -5 }),
        /ms_played "-5" is not a whole number/,
      ],
      [JSON.stringify({ listener_id: 'x', played_at: '2026-11-20T10:00:00Z', ms_played: 1000 }), /which export was played/],
      ['[1, 2]', /not a JSON object/],
    ];
    const at = [5, 200, 777, 1500, 3000, 3300];
    malformed.forEach(([text], i) => lines.splice(at[i]!, 0, text));
    const file = path.join(work, 'plays.ndjson');
    fs.writeFileSync(file, `${lines.join('\n')}\n`);

    const summary = await callContract(services, 'analytics.import', { source: { path: file } });
    expect(summary.format).toBe('ndjson');
    expect(summary.malformed).toBe(malformed.length);
    summary.problems.forEach((problem, i) => {
      expect(problem.line).toBe(at[i]! + 1);
      expect(problem.reason).toMatch(malformed[i]![1]);
    });
    expect(summary.added).toBe(plays.length);
    expect(summary.duplicates).toBe(50);
    expect(summary.matches.map((m) => m.how)).toEqual(['export id', 'export id']);
    all.push(...plays);

    for (const excludeFlagged of [false, true]) {
      expectMatchesReference(await callContract(services, 'analytics.report', { exportId: exportA.exportId, excludeFlagged }), all, excludeFlagged);
      expectMatchesReference(await callContract(services, 'analytics.report', { exportId: exportB.exportId, excludeFlagged }), all, excludeFlagged);
    }
    const report = await callContract(services, 'analytics.report', { exportId: exportA.exportId });
    expect(report.flagged.byRule).toMatchObject({ repeat: 20, burst: 10, 'exact-end': 0, 'country-spike': 0 });
    expect(report.flagged.catches.map((c) => [c.rule, c.plays])).toEqual(
      expect.arrayContaining([
        ['repeat', 20],
        ['burst', 10],
      ]),
    );
    expect(report.versions.map((v) => v.export.id)).toEqual([exportB.exportId]);
  });

  it('re-importing the same file adds nothing', async () => {
    const before = await callContract(services, 'analytics.report', { exportId: exportA.exportId });
    const summary = await callContract(services, 'analytics.import', { source: { path: path.join(work, 'plays.ndjson') } });
    expect(summary.added).toBe(0);
    expect(summary.duplicates).toBe(summary.lines - summary.malformed);
    expect(await callContract(services, 'analytics.report', { exportId: exportA.exportId })).toEqual(before);
  });

  it('flags earlier plays when a later import makes a listener a repeat player, and the rollups follow', async () => {
    const day = NOW - DAY - ((NOW - DAY) % DAY) + 3_600_000;
    const first = Array.from({ length: 15 }, (_, i): RefPlay => ({
      exportId: exportA.exportId,
      listener: 'steady',
      playedAt: day + i * 60_000,
      country: 'SE',
      source: 'profile',
      msPlayed: 40_000 + i,
      reasonEnd: 'fwdbtn',
    }));
    const second = Array.from({ length: 5 }, (_, i): RefPlay => ({
      exportId: exportA.exportId,
      listener: 'steady',
      playedAt: day + 3_600_000 + i * 60_000,
      country: 'SE',
      source: 'profile',
      msPlayed: 50_000 + i,
      reasonEnd: 'fwdbtn',
    }));
    // One play of the other export: "steady" is a fan of both, so only the repeat rule can catch them.
    first.push({ exportId: exportB.exportId, listener: 'steady', playedAt: day, country: 'SE', source: 'profile', msPlayed: 10_000, reasonEnd: 'fwdbtn' });
    fs.writeFileSync(path.join(work, 'first.ndjson'), first.map(line).join('\n'));
    fs.writeFileSync(path.join(work, 'second.ndjson'), second.map(line).join('\n'));
    expect((await callContract(services, 'analytics.import', { source: { path: path.join(work, 'first.ndjson') } })).flagged).toBe(0);
    all.push(...first);
    expectMatchesReference(await callContract(services, 'analytics.report', { exportId: exportA.exportId, excludeFlagged: true }), all, true);
    expect((await callContract(services, 'analytics.import', { source: { path: path.join(work, 'second.ndjson') } })).flagged).toBe(5);
    all.push(...second);
    for (const excludeFlagged of [false, true])
      expectMatchesReference(await callContract(services, 'analytics.report', { exportId: exportA.exportId, excludeFlagged }), all, excludeFlagged);
  });

  it('unflags a 30-second burst when a later import shows it was half an ordinary hour, and the rollups and listeners follow', async () => {
    const hour = NOW - 20 * DAY - ((NOW - 20 * DAY) % 3_600_000);
    const burst = Array.from({ length: 12 }, (_, i): RefPlay => ({
      exportId: exportB.exportId,
      listener: `b${i}`,
      playedAt: hour + i * 60_000,
      country: 'NO',
      source: 'playlist',
      msPlayed: 30_500,
      reasonEnd: 'endplay',
    }));
    // Two ordinary plays in each minute of the burst: no window of 60 minutes is half burst any more.
    const ordinary = Array.from({ length: 24 }, (_, i): RefPlay => ({
      exportId: exportB.exportId,
      listener: `o${i}`,
      playedAt: hour + 20_000 + Math.floor(i / 2) * 60_000 + (i % 2) * 1000,
      country: 'NO',
      source: 'search',
      msPlayed: 120_000,
      reasonEnd: 'fwdbtn',
    }));
    fs.writeFileSync(path.join(work, 'burst.ndjson'), burst.map(line).join('\n'));
    fs.writeFileSync(path.join(work, 'ordinary.ndjson'), ordinary.map(line).join('\n'));
    expect((await callContract(services, 'analytics.import', { source: { path: path.join(work, 'burst.ndjson') } })).flagged).toBe(12);
    all.push(...burst);
    const flaggedBefore = (await callContract(services, 'analytics.report', { exportId: exportB.exportId })).flagged;
    expect((await callContract(services, 'analytics.import', { source: { path: path.join(work, 'ordinary.ndjson') } })).flagged).toBe(0);
    all.push(...ordinary);
    for (const excludeFlagged of [false, true])
      expectMatchesReference(await callContract(services, 'analytics.report', { exportId: exportB.exportId, excludeFlagged }), all, excludeFlagged);
    const after = await callContract(services, 'analytics.report', { exportId: exportB.exportId, excludeFlagged: true });
    expect(after.flagged.byRule.burst).toBe(flaggedBefore.byRule.burst - 12);
    expect(after.breakdowns.country.find((c) => c.key === 'NO')?.plays).toBe(36);
  });

  it('refuses a file with no readable play and leaves the database exactly as before', async () => {
    const before = dumpAnalytics();
    for (const [name, text, message] of [
      ['garbage.ndjson', '{"not": "a play"}\n{broken', /No plays could be read from garbage\.ndjson: 2 malformed lines \(line 1: no export_id/],
      ['empty.csv', '', /is empty/],
      ['wrong.csv', 'a,b,c\n1,2,3\n', /the CSV header lacks export_id \(or isrc, or audio_sha256\), listener_id, played_at, ms_played/],
      [
        'broken.json',
        '[{"ts": "2026-11-01T00:00:00Z",',
        /No plays could be read from broken\.json: 1 malformed line \(line 1: the file ends inside this entry/,
      ],
      [
        'endless.csv',
        `export_id,listener_id,played_at,ms_played\n${'x'.repeat(70_000)}`,
        /No plays could be read from endless\.csv: 1 malformed line \(line 2: longer than 65536 bytes: not a play\)/,
      ],
      ['endless.ndjson', `{"export_id": "${'0'.repeat(3 << 20)}`, /line 1: longer than 65536 bytes/],
    ] as const) {
      fs.writeFileSync(path.join(work, name), text);
      await expect(callContract(services, 'analytics.import', { source: { path: path.join(work, name) } })).rejects.toThrow(message);
    }
    await expect(callContract(services, 'analytics.import', { source: { path: path.join(work, 'missing.ndjson') } })).rejects.toThrow(/Cannot read/);
    expect(dumpAnalytics()).toEqual(before);
  });

  it('a cancelled import leaves nothing behind', async () => {
    const before = dumpAnalytics();
    const plays = generatePlays(11, exportA.exportId, Math.round(exportA.durationSec * 1000), 200_000);
    fs.writeFileSync(path.join(work, 'big.ndjson'), plays.map(line).join('\n'));
    const taskId = 'cancel-me-1';
    const running = callContract(services, 'analytics.import', { source: { path: path.join(work, 'big.ndjson') }, taskId });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await callContract(services, 'task.cancel', { taskId });
    await expect(running).rejects.toThrow(/Cancelled/);
    expect(dumpAnalytics()).toEqual(before);
  });

  it('imports a Spotify history: matched by title and artist, personal fields never stored, podcasts ignored', async () => {
    const entries = [
      ...Array.from({ length: 30 }, (_, i) => ({
        ts: new Date(NOW - 5 * DAY + i * 3_600_000).toISOString().replace(/\.\d+Z$/, 'Z'),
        username: 'listener-handle-42',
        platform: 'Android OS 14',
        ms_played: 20_000 + i * 5000,
        conn_country: 'DE',
        ip_addr: '203.0.113.77',
        master_metadata_track_name: 'Glass Orchard (Night Mix)',
        master_metadata_album_artist_name: 'DJ Lantern',
        master_metadata_album_album_name: 'Night Mixes',
        spotify_track_uri: 'spotify:track:0123456789abcdefABCDEF',
        reason_start: 'clickrow',
        reason_end: i % 3 ? 'trackdone' : 'fwdbtn',
        shuffle: false,
        skipped: i % 3 === 0,
        offline: false,
        incognito_mode: false,
      })),
      { ts: '2026-11-01T10:00:00Z', ms_played: 1000, master_metadata_track_name: null, episode_name: 'A podcast', ip_addr: '203.0.113.77' },
      {
        ts: '2026-11-01T11:00:00Z',
        ms_played: 1000,
        conn_country: 'US',
        master_metadata_track_name: 'Somebody Else',
        master_metadata_album_artist_name: 'Another Artist',
        ip_addr: '203.0.113.77',
      },
    ];
    const file = path.join(work, 'Streaming_History_Audio_2026.json');
    fs.writeFileSync(file, JSON.stringify(entries));
    const summary = await callContract(services, 'analytics.import', { source: { path: file } });
    expect(summary).toMatchObject({ format: 'spotify-json', added: 30, ignored: 1, aside: 0, dropped: 1, droppedTracks: 1, malformed: 0 });
    expect(summary.matches).toEqual([
      {
        how: 'title and artist',
        label: '"Glass Orchard (Night Mix)" by DJ Lantern',
        exportId: exportB.exportId,
        exportTitle: 'Glass Orchard (Night Mix)',
        plays: 30,
      },
    ]);
    expect(summary.unmatched).toEqual([]);
    const bytes = Buffer.concat(
      ['analytics.sqlite', 'analytics.sqlite-wal'].filter((f) => fs.existsSync(path.join(dataDir, f))).map((f) => fs.readFileSync(path.join(dataDir, f))),
    );
    for (const secret of ['203.0.113.77', 'listener-handle-42', 'Android OS', 'Somebody Else', 'Another Artist'])
      expect(bytes.includes(Buffer.from(secret)), secret).toBe(false);
    const report = await callContract(services, 'analytics.report', { exportId: exportB.exportId });
    expect(report.breakdowns.country.find((c) => c.key === 'DE')?.plays).toBeGreaterThanOrEqual(30);
  });

  it("imports CSV keyed by ISRC or audio hash; an unknown ISRC of the creator's registrant code is kept aside and listed, another registrant's is dropped", async () => {
    const { audioSha256 } = services.exports.facts(exportB.exportId).row;
    const csv = [
      'isrc,audio_sha256,listener_id,played_at,country,source,ms_played,reason_end',
      'GB-XYZ-26-00001,,"csv, listener",2026-11-23T08:00:00+01:00,GB,search,61000,fwdbtn',
      `,${audioSha256},csv2,2026-11-23T09:00:00Z,FR,"playlist",12000,backbtn`,
      'GB-XYZ-26-00099,,csv3,2026-11-23T09:30:00Z,US,radio,5000,endplay',
      'GB-XYZ-26-00099,,csv4,2026-11-23T09:31:00Z,US,radio,7000,endplay',
      'US-AAA-26-99999,,csv5,2026-11-23T09:32:00Z,US,radio,7000,endplay',
    ].join('\r\n');
    fs.writeFileSync(path.join(work, 'plays.csv'), csv);
    const summary = await callContract(services, 'analytics.import', { source: { path: path.join(work, 'plays.csv') } });
    expect(summary).toMatchObject({ format: 'csv', added: 2, aside: 2, dropped: 1, malformed: 0 });
    expect(summary.matches.map((m) => [m.how, m.exportId])).toEqual([
      ['ISRC', exportA.exportId],
      ['audio hash', exportB.exportId],
    ]);
    const aside = await callContract(services, 'analytics.aside', {});
    expect(aside.find((g) => g.keyValue === 'GBXYZ2600099')).toMatchObject({ keyKind: 'isrc', plays: 2 });
    expect(aside.find((g) => g.keyValue === 'USAAA2699999')).toBeUndefined();
  });

  it('an export with no plays reads as zeros, not errors', async () => {
    const project = await callContract(services, 'projects.create', { recordingId: 'emb-r-glass-orchard', kind: 'remix', name: 'Quiet one' });
    const quiet = await callContract(services, 'exports.start', { projectId: project.id, path: path.join(work, 'quiet.wav'), format: 'wav', bitDepth: 16 });
    const report = await callContract(services, 'analytics.report', { exportId: quiet.exportId });
    expect(report.headline).toEqual({ plays: 0, listeners: 0, skipRate: null, completionRate: null, meanShare: null, medianShare: null });
    expect(report.retention.every((r) => r === 0)).toBe(true);
    expect(report.dropOffs).toEqual([]);
    expect(report.similar).toMatchObject({ exports: 2 });
    const overview = await callContract(services, 'analytics.overview', {});
    expect(overview.find((o) => o.export.id === quiet.exportId)?.headline.plays).toBe(0);
    expect(overview.find((o) => o.export.id === exportA.exportId)?.headline.plays).toBe(
      referenceMetrics(all, exportA.exportId, Math.round(exportA.durationSec * 1000), false).plays + 1,
    );
  });

  it('says why drop-offs have no sections when the project cannot be read, instead of claiming it was deleted', async () => {
    const project = await callContract(services, 'projects.create', { recordingId: 'emb-r-glass-orchard', kind: 'remix', name: 'Unreadable' });
    const { exportId } = await callContract(services, 'exports.start', {
      projectId: project.id,
      path: path.join(work, 'unreadable.wav'),
      format: 'wav',
      bitDepth: 16,
    });
    const spy = vi.spyOn(services.projects, 'documentAt');
    try {
      spy.mockImplementation(() => {
        throw new Error('database disk image is malformed');
      });
      const broken = await callContract(services, 'analytics.report', { exportId });
      expect(broken.sectionsNote).toMatch(
        /^Revision \d+ of its project could not be read: database disk image is malformed\. Drop-offs are labelled with stems only\.$/,
      );
      spy.mockImplementation(() => {
        throw new ServiceError('not-found', 'There is no project 0199.');
      });
      expect((await callContract(services, 'analytics.report', { exportId })).sectionsNote).toBe(
        'There is no project 0199. Drop-offs are labelled with stems only.',
      );
    } finally {
      spy.mockRestore();
    }
    expect((await callContract(services, 'analytics.report', { exportId })).sectionsNote).toBeNull();
  });

  it('simulates listeners who leave at weak moments, and finds those moments labelled with the stem that drops out', async () => {
    const project = await callContract(services, 'projects.create', { recordingId: 'emb-r-glass-orchard', kind: 'remix', name: 'Keys drop out' });
    const { document } = await callContract(services, 'projects.open', { projectId: project.id });
    const keysTrack = document.tracks.find((t) => t.name === 'Keys')!;
    const keysClip = document.clips.find((c) => c.trackId === keysTrack.id)!;
    // 100 BPM: 40 beats = 24 s.
    await callContract(services, 'projects.edit', { projectId: project.id, commands: [{ type: 'updateClip', clipId: keysClip.id, changes: { length: 40 } }] });
    services.projects.flushAll();
    const exported = await callContract(services, 'exports.start', {
      projectId: project.id,
      path: path.join(work, 'keys-drop.wav'),
      format: 'wav',
      bitDepth: 16,
    });
    const summary = await callContract(services, 'analytics.simulate', { exportId: exported.exportId, plays: 20_000, seed: 3 });
    expect(summary.added).toBe(20_000);
    expect(summary.flagged).toBeGreaterThan(0);
    const report = await callContract(services, 'analytics.report', { exportId: exported.exportId, excludeFlagged: true });
    const keysMoment = report.dropOffs.find((d) => d.leaving.includes('Keys'));
    expect(keysMoment, JSON.stringify(report.dropOffs)).toBeDefined();
    expect(Math.abs(keysMoment!.second - 24)).toBeLessThanOrEqual(2);
    expect(report.headline.skipRate).toBeGreaterThan(0.2);
    expect(report.headline.skipRate).toBeLessThan(0.45);
    // Same seed, same clock: the same plays, so a second run adds nothing.
    expect((await callContract(services, 'analytics.simulate', { exportId: exported.exportId, plays: 20_000, seed: 3 })).added).toBe(0);
  });
});
