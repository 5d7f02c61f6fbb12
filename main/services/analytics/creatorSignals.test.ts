import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StemroomServices } from '../StemroomServices';
import { callContract } from '../../cli/callContract';
import { seededRandom } from '../../../engine/common/dsp/seededRandom';
import { migrate } from '../../db/migrate';
import { analyticsMigrations } from '../../db/analytics/analyticsMigrations';
import { libraryMetaQueries } from '../../db/libraryMetaQueries';
import { listenerKey } from './import/listenerKey';
import { trackKey } from './import/trackKey';
import { ListenerKeys } from './store/ListenerKeys';
import { allocatePlayDay, countryCode, playDayBytes } from './store/PlayDay';
import { expectMatchesReference } from '../../../tests/helpers/expectMatchesReference';
import { refPlayNdjson, type RefDispute, type RefPlay } from '../../../tests/helpers/referencePlayMetrics';
import { ANALYTICS_SCHEMA_VERSION } from '../../db/analytics/analyticsMigrations';

/**
 * What creators ask for: listener segments, flags with reasons (the new
 * rules, bursts across midnight and across an hour), disputes shown both
 * ways, "Try a fix" and the version comparison at that moment — each
 * checked against the plain reference implementation.
 */
let services: StemroomServices;
let dataDir: string;
let work: string;
let main: { exportId: string; durationSec: number; projectId: string };
let other: { exportId: string; durationSec: number };
const NOW = Date.parse('2026-11-24T12:00:00Z');
const DAY = 86_400_000;
const MIN = 60_000;
const all: RefPlay[] = [];
const disputes: RefDispute[] = [];

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'stemroom-signals-'));
  work = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'stemroom-signal-plays-'));
  services = await StemroomServices.open(dataDir, { now: () => new Date(NOW) });
  await callContract(services, 'settings.update', { creatorName: 'DJ Lantern', territory: 'GB' });
  const p1 = await callContract(services, 'projects.create', { recordingId: 'emb-r-glass-orchard', kind: 'remix', name: 'Main' });
  main = {
    ...(await callContract(services, 'exports.start', { projectId: p1.id, path: path.join(work, 'main.wav'), format: 'wav', bitDepth: 16 })),
    projectId: p1.id,
  };
  const p2 = await callContract(services, 'projects.create', { recordingId: 'emb-r-glass-orchard', kind: 'remix', name: 'Other' });
  other = await callContract(services, 'exports.start', {
    projectId: p2.id,
    path: path.join(work, 'other.wav'),
    format: 'wav',
    bitDepth: 16,
    title: 'Other one',
  });
}, 180_000);

afterAll(() => {
  services.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(work, { recursive: true, force: true });
});

async function importPlays(name: string, plays: RefPlay[]) {
  const file = path.join(work, name);
  fs.writeFileSync(file, plays.map(refPlayNdjson).join('\n'));
  const summary = await callContract(services, 'analytics.import', { source: { path: file } });
  all.push(...plays);
  return summary;
}
const dumpAnalytics = () => {
  const db = new Database(path.join(dataDir, 'analytics.sqlite'), { readonly: true });
  try {
    const tables = db.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM ${t}`).raw().all()]));
  } finally {
    db.close();
  }
};
const report = (exportId: string, excludeFlagged = false) => callContract(services, 'analytics.report', { exportId, excludeFlagged });
const play = (exportId: string, listener: string, playedAt: number, msPlayed: number, country = 'GB'): RefPlay => ({
  exportId,
  listener,
  playedAt,
  country,
  source: 'playlist',
  msPlayed,
  reasonEnd: 'fwdbtn',
});

describe('creator signals', () => {
  it('flags each pattern with the rule that caught it — bursts across midnight and across an hour included — exactly as the reference', async () => {
    const durationMs = Math.round(main.durationSec * 1000);
    const random = seededRandom(16);
    const plays: RefPlay[] = [];
    const countries = ['GB', 'US', 'DE', 'SE'];
    for (let i = 0; i < 700; i++) {
      const exportId = i % 5 === 0 ? other.exportId : main.exportId;
      plays.push(
        play(
          exportId,
          `fan-${Math.floor(random() * 180)}`,
          NOW - 10 * DAY + Math.floor(random() * 9 * DAY),
          Math.floor(random() * durationMs),
          countries[i % 4]!,
        ),
      );
    }
    const midnight = NOW - 4 * DAY - ((NOW - 4 * DAY) % DAY);
    // 24 plays in 2 hours across midnight UTC: 12 each side, which the old per-day rule missed.
    for (let i = 0; i < 24; i++) plays.push(play(main.exportId, 'night-owl', midnight - 60 * MIN + i * 5 * MIN, 100_000));
    // A 12-play burst split 6/6 across 05:59/06:00, which the old per-hour rule missed.
    const six = midnight + 6 * 60 * MIN;
    for (let i = 0; i < 12; i++) plays.push(play(main.exportId, `burst-${i}`, six - 6 * 20_000 + i * 20_000, 30_000 + i * 100));
    // A listener with 12 plays of this export, on 12 days, and nothing else.
    for (let i = 0; i < 12; i++) plays.push(play(main.exportId, 'single-minded', NOW - 22 * DAY + i * DAY, 60_000));
    // Six plays, every one ending exactly at the end.
    for (let i = 0; i < 6; i++) plays.push(play(main.exportId, 'perfect', NOW - 20 * DAY + i * 3 * DAY, durationMs));
    // 60 plays from Brazil in 40 minutes, where Brazil otherwise never listens.
    for (let i = 0; i < 60; i++) plays.push(play(main.exportId, `br-${i}`, NOW - 2 * DAY + Math.floor((i * 40 * MIN) / 60), 45_000, 'BR'));
    const summary = await importPlays('patterns.ndjson', plays);
    expect(summary.flagged).toBeGreaterThanOrEqual(24 + 12 + 12 + 6 + 60);

    for (const excludeFlagged of [false, true]) expectMatchesReference(await report(main.exportId, excludeFlagged), all, excludeFlagged);
    const r = await report(main.exportId);
    expect(r.flagged.byRule).toMatchObject({ repeat: 24, burst: 12, 'exact-end': 6, 'country-spike': 60 });
    const caught = new Map(r.flagged.catches.map((c) => [`${c.rule}:${c.plays}`, c]));
    expect(caught.get('repeat:24')).toMatchObject({
      reason: 'one listener played it 20 or more times within 24 hours',
      from: new Date(midnight - 60 * MIN).toISOString(),
    });
    expect(caught.get('burst:12')).toMatchObject({ listener: null, from: new Date(six - 2 * MIN).toISOString() });
    expect(caught.get('only-this-export:12')?.reason).toMatch(/never played any other export/);
    expect(caught.get('exact-end:6')?.reason).toMatch(/every one ending exactly at the track's end/);
    expect(caught.get('country-spike:60')).toMatchObject({ country: 'BR' });

    // Each flagged play says which rule caught it.
    const flagged = await callContract(services, 'analytics.flaggedPlays', { exportId: main.exportId, limit: 1000 });
    expect(flagged).toHaveLength(r.flagged.plays);
    const at = (ms: number) => flagged.find((f) => f.playedAt === new Date(ms).toISOString());
    expect(at(midnight - 60 * MIN)?.rules).toContain('repeat');
    expect(at(six)?.rules).toEqual(['burst']);
    expect(at(NOW - 2 * DAY)?.rules).toEqual(['country-spike']);
    expect(flagged.every((f) => /^[0-9a-f]{14}$/.test(f.listener) && !f.disputed)).toBe(true);
  });

  it('shows one-time and returning listeners and the share of plays from each, as the reference counts them', async () => {
    for (const excludeFlagged of [false, true]) {
      const r = await report(main.exportId, excludeFlagged);
      const ref = expectMatchesReference(r, all, excludeFlagged);
      expect(r.segments.repeatRate).toBeCloseTo(ref.returningListeners / ref.listeners, 12);
      expect(r.segments.oneTime.shareOfPlays! + r.segments.returning.shareOfPlays!).toBeCloseTo(1, 12);
    }
  });

  it('a disputed flag counts again, and the figures show both ways; taking the dispute back restores them', async () => {
    const before = await report(main.exportId, true);
    const burst = before.flagged.catches.find((c) => c.rule === 'burst')!;
    expect(await callContract(services, 'analytics.dispute', { exportId: main.exportId, catchId: burst.id, disputed: true })).toEqual({ disputed: true });
    const [, , from, to] = burst.id.split('~');
    disputes.push({ exportId: main.exportId, rule: 'burst', listener: null, fromMinute: Number(from), toMinute: Number(to) });
    const after = await report(main.exportId, true);
    expectMatchesReference(after, all, true, disputes);
    expect(after.headline.plays).toBe(before.headline.plays + 12);
    expect(after.flagged).toMatchObject({ plays: before.flagged.plays, disputed: 12 });
    expect(after.flagged.catches.find((c) => c.id === burst.id)?.disputed).toBe(true);
    // Both ways: with the dispute upheld the figures are what they were.
    expect(after.upheld?.headline).toEqual(before.headline);
    expect((await callContract(services, 'analytics.flaggedPlays', { exportId: main.exportId, limit: 1000 })).filter((f) => f.disputed)).toHaveLength(12);

    const untouched = dumpAnalytics();
    await expect(callContract(services, 'analytics.dispute', { exportId: main.exportId, catchId: 'burst~-~1~2', disputed: true })).rejects.toThrow(
      /names nothing flagged/,
    );
    await expect(
      callContract(services, 'analytics.dispute', { exportId: main.exportId, catchId: "burst'; DROP TABLE plays; --", disputed: true }),
    ).rejects.toThrow(/names nothing flagged/);
    await expect(callContract(services, 'analytics.dispute', { exportId: main.exportId, catchId: 'x'.repeat(101), disputed: true })).rejects.toThrow();
    await expect(callContract(services, 'analytics.tryFix', { exportId: main.exportId, second: 86_000 })).rejects.toThrow(
      /there is no moment at 86000 s to fix/,
    );
    expect(dumpAnalytics()).toEqual(untouched);
    await callContract(services, 'analytics.dispute', { exportId: main.exportId, catchId: burst.id, disputed: false });
    disputes.length = 0;
    expect((await report(main.exportId, true)).headline).toEqual(before.headline);
  });

  it('"Try a fix" opens the project at that moment as a new revision; once the fixed version\u2019s plays are in, both versions\u2019 retention there is shown side by side', async () => {
    const head = (await callContract(services, 'projects.revisions', { projectId: main.projectId }))[0]!.revision;
    const opened = await callContract(services, 'analytics.tryFix', { exportId: main.exportId, second: 12 });
    const { document } = await callContract(services, 'projects.open', { projectId: main.projectId });
    expect(opened).toEqual({ projectId: main.projectId, revision: head + 1, beat: (12 * document.bpm) / 60 });
    expect((await callContract(services, 'projects.revisions', { projectId: main.projectId }))[0]).toMatchObject({
      revision: head + 1,
      label: 'Try a fix at 0:12 (from "Main")',
    });

    services.projects.flushAll();
    const fixed = await callContract(services, 'exports.start', {
      projectId: main.projectId,
      path: path.join(work, 'fixed.wav'),
      format: 'wav',
      bitDepth: 16,
      title: 'Main (fixed)',
    });
    // The fixed version keeps its listeners past 0:12: 200 plays, 10 % leave there instead of the original's share.
    const fixedMs = Math.round(fixed.durationSec * 1000);
    await importPlays(
      'fixed.ndjson',
      Array.from({ length: 200 }, (_, i) => play(fixed.exportId, `fixed-fan-${i}`, NOW - DAY + i * MIN, i % 10 === 0 ? 13_500 : fixedMs, 'SE')),
    );
    const r = await report(main.exportId);
    const moment = r.moments.find((m) => m.second === 12)!;
    expect(moment).toMatchObject({ origin: 'fix', fixRevision: head + 1 });
    const original = moment.versions.find((v) => v.exportId === main.exportId)!;
    const version = moment.versions.find((v) => v.exportId === fixed.exportId)!;
    expect(original).toMatchObject({ at: r.retention[12], after: r.retention[15] });
    expect(version).toMatchObject({ plays: 200, at: 1, after: 0.9 });
    expect(version.lostShare).toBeCloseTo(0.1, 12);
    // The fixed version's own dashboard shows the same comparison.
    expect(
      (await report(fixed.exportId)).moments
        .find((m) => m.second === 12)
        ?.versions.map((v) => v.exportId)
        .sort(),
    ).toEqual([main.exportId, fixed.exportId].sort());
  });
});

describe('an analytics database from before keyed listeners (schema 2)', () => {
  it('is migrated on opening: listener keys keyed with the library secret, every play judged and rolled up again', async () => {
    const dir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'stemroom-migrate-'));
    try {
      const first = await StemroomServices.open(dir, { now: () => new Date(NOW), demoCatalogDir: null });
      await callContract(first, 'settings.update', { creatorName: 'DJ Lantern' });
      first.close();
      // A schema-2 database with one export's plays as the old importer stored them: listener = the id's plain 53-bit hash.
      const exportId = '0196f3a2-7c1e-7b3d-9a4f-2b8c6d1e0f53';
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(path.join(dir, `analytics.sqlite${suffix}`), { force: true });
      const old = new Database(path.join(dir, 'analytics.sqlite'));
      migrate(
        old,
        2,
        analyticsMigrations(() => 0),
      );
      old.prepare('INSERT INTO tracked_exports (seq, export_id, duration_ms) VALUES (1, ?, 200000)').run(exportId);
      const day = Math.floor((NOW - DAY) / DAY);
      const plays = Array.from({ length: 25 }, (_, i) => ({ listener: i < 21 ? 'replayer' : `fan-${i}`, msIntoDay: i * 10 * MIN, msPlayed: 50_000 + i }));
      const stored = allocatePlayDay(plays.length);
      plays.forEach((p, i) => {
        stored.listener[i] = listenerKey(p.listener);
        stored.msIntoDay[i] = p.msIntoDay;
        stored.msPlayed[i] = p.msPlayed;
        stored.importId[i] = 1;
        stored.country[i] = countryCode('SE');
        stored.flags[i] = 0;
      });
      old.prepare('INSERT INTO play_days (export_seq, day, plays, columns) VALUES (1, ?, ?, ?)').run(day, plays.length, playDayBytes(stored));
      // Kept aside for a song the creator has not exported yet (it may still match): it stays, rekeyed.
      old
        .prepare(`INSERT INTO plays_aside VALUES ('track', ?, '"Future Song" by DJ Lantern', 1, ?, 1000, 'SE', 0, 0, 1)`)
        .run(trackKey('Future Song', 'DJ Lantern'), listenerKey('aside-fan'));
      // Kept aside by the old rule although no export of this library could ever claim it: dropped on opening.
      old
        .prepare(`INSERT INTO plays_aside VALUES ('track', ?, '"Blinding Lights" by The Weeknd', 1, ?, 1000, 'SE', 0, 0, 1)`)
        .run(trackKey('Blinding Lights', 'The Weeknd'), listenerKey('aside-fan'));
      old.close();

      const library = new Database(path.join(dir, 'library.sqlite'));
      const secret = Buffer.from(libraryMetaQueries(library).get('listener_secret')!, 'base64');
      library.close();
      const reopened = await StemroomServices.open(dir, { now: () => new Date(NOW), demoCatalogDir: null });
      reopened.close();

      const db = new Database(path.join(dir, 'analytics.sqlite'), { readonly: true });
      try {
        const keys = new ListenerKeys(secret);
        expect(db.pragma('user_version', { simple: true })).toBe(ANALYTICS_SCHEMA_VERSION);
        const row = db.prepare<[], { plays: number; columns: Buffer }>('SELECT plays, columns FROM play_days').get()!;
        const listeners = Array.from({ length: row.plays }, (_, i) => row.columns.readDoubleLE(8 * i));
        expect(listeners).toEqual(plays.map((p) => keys.hmac(listenerKey(p.listener))));
        // Judged again: the 21 plays of one listener within 24 hours are flagged now (the old rollups knew nothing of it).
        const flags = Array.from({ length: row.plays }, (_, i) => row.columns[24 * row.plays + i]);
        expect(flags.filter((f) => f !== 0)).toHaveLength(21);
        expect(db.prepare('SELECT flagged, plays FROM rollup_totals ORDER BY flagged').raw().all()).toEqual([
          [0, 4],
          [1, 21],
        ]);
        expect(db.prepare('SELECT listeners, one_time FROM export_listeners').raw().get()).toEqual([5, 4]);
        expect(db.prepare('SELECT label, listener FROM plays_aside').raw().all()).toEqual([
          ['"Future Song" by DJ Lantern', keys.hmac(listenerKey('aside-fan'))],
        ]);
        expect(db.prepare('SELECT count(*) FROM analytics_meta').pluck().get()).toBe(0);
      } finally {
        db.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
