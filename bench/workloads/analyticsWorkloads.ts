import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AnalyticsService } from '../../main/services/analytics/AnalyticsService';
import { listenerSecret } from '../../main/services/analytics/listenerSecret';
import type { Workload } from '../Workload';
import { measure, median, round } from '../measure';
import { analyticsFixture, EXPORTS, NOW, PLAYS, type AnalyticsFixture } from './analyticsFixture';
import { quietTask } from './quietTask';

/** Skip and completion exactly as shared/analytics/playDefinitions defines them, in DuckDB SQL. */
const completion = "(reason_end = 'trackdone' OR ms_played >= 0.95 * duration_ms)";
const skip = `(ms_played < 30000 AND NOT ${completion})`;
const counts = `count(*) AS plays, sum(CASE WHEN ${skip} THEN 1 ELSE 0 END) AS skips, sum(CASE WHEN ${completion} THEN 1 ELSE 0 END) AS completions, sum(least(ms_played, duration_ms)) AS listened`;

async function ourImport(f: AnalyticsFixture) {
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 25);
  const started = performance.now();
  const summary = await f.services.analytics.importFile(f.csvPath, {}, quietTask);
  const ms = performance.now() - started;
  clearInterval(sampler);
  f.imported = true;
  return { ms, summary, peakRssMiB: round(peakRss / 2 ** 20, 0) };
}

async function duckImport(f: AnalyticsFixture) {
  const started = performance.now();
  await f.duck.run('DROP TABLE IF EXISTS plays');
  await f.duck.run(`CREATE TABLE plays AS
    SELECT p.export_id, listener_id, epoch_ms(strptime(played_at, ['%Y-%m-%dT%H:%M:%S.%gZ', '%Y-%m-%dT%H:%M:%SZ'])) AS played_at, country, source, ms_played, reason_end, e.duration_ms
    FROM read_csv('${f.csvPath}', header = true, columns = {'export_id': 'VARCHAR', 'listener_id': 'VARCHAR', 'played_at': 'VARCHAR', 'country': 'VARCHAR', 'source': 'VARCHAR', 'ms_played': 'BIGINT', 'reason_end': 'VARCHAR'}) p
    JOIN exports e ON e.export_id = p.export_id`);
  return performance.now() - started;
}

async function ready(): Promise<AnalyticsFixture> {
  const f = await analyticsFixture();
  if (!f.imported) await ourImport(f);
  const tables = await f.duck.runAndReadAll("SELECT count(*) FROM information_schema.tables WHERE table_name = 'plays'");
  if (Number(tables.getRows()[0]![0]) === 0) await duckImport(f);
  return f;
}

export const analyticsImport: Workload = {
  name: 'analytics-import',
  description: `import ${PLAYS.toLocaleString('en')} plays over ${EXPORTS} exports from a CSV play log (parse, validate, match, dedupe, flag, roll up) vs DuckDB loading the same CSV into a table`,
  async run() {
    const f = await analyticsFixture();
    const ours = await ourImport(f);
    const peerMs = await duckImport(f);
    const playsPerSecond = Math.round(PLAYS / (ours.ms / 1000));
    return {
      unit: 'ms',
      ours: {
        median: round(ours.ms),
        samples: [round(ours.ms)],
        extra: {
          playsPerSecond,
          peakRssMiB: ours.peakRssMiB,
          added: ours.summary.added,
          flagged: ours.summary.flagged,
          csvMiB: round(f.csvBytes / 2 ** 20, 0),
        },
      },
      peerName: 'DuckDB read_csv into a table (no rollups: DuckDB aggregates at query time)',
      peer: { median: round(peerMs), samples: [round(peerMs)], extra: { playsPerSecond: Math.round(PLAYS / (peerMs / 1000)) } },
      goal: { description: '≥ 500,000 plays/s including dashboard rollups', met: playsPerSecond >= 500_000 },
    };
  },
};

export const analyticsImportNdjson: Workload = {
  name: 'analytics-import-ndjson',
  description: `import the same ${PLAYS.toLocaleString('en')} plays from NDJSON into a fresh analytics database vs DuckDB read_json of the same file`,
  async run() {
    const f = await analyticsFixture();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stemroom-bench-ndjson-'));
    const service = new AnalyticsService({
      file: path.join(dir, 'analytics.sqlite'),
      exports: f.services.exports,
      projects: f.services.projects,
      now: () => new Date(NOW),
      creatorName: () => f.services.settings.get().creatorName,
      listenerSecret: listenerSecret(f.services.library.db),
    });
    let summary;
    const started = performance.now();
    try {
      summary = await service.importFile(f.ndjsonPath, {}, quietTask);
    } finally {
      service.close();
    }
    const ms = performance.now() - started;
    fs.rmSync(dir, { recursive: true, force: true });
    const peerStarted = performance.now();
    await f.duck.run(`CREATE OR REPLACE TABLE plays_json AS
      SELECT p.export_id, listener_id, epoch_ms(strptime(played_at, ['%Y-%m-%dT%H:%M:%S.%gZ', '%Y-%m-%dT%H:%M:%SZ'])) AS played_at, country, source, ms_played, reason_end, e.duration_ms
      FROM read_json('${f.ndjsonPath}', format = 'newline_delimited', columns = {'export_id': 'VARCHAR', 'listener_id': 'VARCHAR', 'played_at': 'VARCHAR', 'country': 'VARCHAR', 'source': 'VARCHAR', 'ms_played': 'BIGINT', 'reason_end': 'VARCHAR'}) p
      JOIN exports e ON e.export_id = p.export_id`);
    const peerMs = performance.now() - peerStarted;
    await f.duck.run('DROP TABLE plays_json');
    const playsPerSecond = Math.round(PLAYS / (ms / 1000));
    return {
      unit: 'ms',
      ours: { median: round(ms), samples: [round(ms)], extra: { playsPerSecond, added: summary.added } },
      peerName: 'DuckDB read_json into a table (no rollups)',
      peer: { median: round(peerMs), samples: [round(peerMs)], extra: { playsPerSecond: Math.round(PLAYS / (peerMs / 1000)) } },
      goal: { description: '≥ 500,000 plays/s including dashboard rollups (the same goal as CSV)', met: playsPerSecond >= 500_000 },
    };
  },
};

export const analyticsDashboard: Workload = {
  name: 'analytics-dashboard',
  description:
    "one export's dashboard (headline, listeners, retention histogram, breakdowns by country/source/day, versions and similar exports), 50 exports, from rollups vs DuckDB aggregating the plays table",
  async run() {
    const f = await ready();
    const sample = f.exportIds.slice(0, 50);
    const oursSamples: number[] = [];
    for (const id of sample) f.services.analytics.report(id, false); // warm
    for (const id of sample) {
      const started = performance.now();
      f.services.analytics.report(id, false);
      oursSamples.push(performance.now() - started);
    }
    const totals = await f.duck.prepare(`SELECT ${counts}, count(DISTINCT listener_id) AS listeners FROM plays WHERE export_id = $1`);
    const endings = await f.duck.prepare('SELECT least(ms_played, duration_ms) // 1000 AS second, count(*) FROM plays WHERE export_id = $1 GROUP BY second');
    const breakdowns = await f.duck.prepare(
      `SELECT country, source, played_at // 86400000 AS day, ${counts} FROM plays WHERE export_id = $1 GROUP BY GROUPING SETS ((country), (source), (day))`,
    );
    const peerSamples: number[] = [];
    let agree = true;
    for (const [i, id] of [...sample, ...sample].entries()) {
      const started = performance.now();
      for (const statement of [totals, endings, breakdowns]) {
        statement.bindVarchar(1, id);
        const rows = (await statement.runAndReadAll()).getRows();
        if (statement === totals && i >= sample.length) agree &&= Number(rows[0]![0]) === f.services.analytics.report(id, false).headline.plays;
      }
      if (i >= sample.length) peerSamples.push(performance.now() - started); // first pass warms DuckDB
    }
    const ours = median(oursSamples);
    const peer = median(peerSamples);
    return {
      unit: 'ms per dashboard',
      ours: { median: ours, samples: oursSamples.map((s) => round(s)) },
      peerName: 'DuckDB (in-memory table, 3 queries incl. GROUPING SETS)',
      peer: { median: peer, samples: peerSamples.map((s) => round(s)), extra: { sameFigures: String(agree) } },
      goal: { description: '≤ 10 ms and faster than DuckDB', met: ours <= 10 && ours < peer },
    };
  },
};

export const analyticsOverview: Workload = {
  name: 'analytics-overview',
  description: `all ${EXPORTS} exports with plays, listeners, skip, completion and mean share, from rollups vs DuckDB grouping the plays table`,
  async run() {
    const f = await ready();
    const ours = await measure(() => f.services.analytics.overview(false), 15);
    const statement = await f.duck.prepare(`SELECT export_id, ${counts}, count(DISTINCT listener_id) AS listeners FROM plays GROUP BY export_id`);
    const peer = await measure(async () => (await statement.runAndReadAll()).getRows(), 15);
    f.cleanup();
    return {
      unit: 'ms per overview',
      ours,
      peerName: 'DuckDB (in-memory table, one GROUP BY)',
      peer,
      goal: { description: '≤ 50 ms and faster than DuckDB', met: ours.median <= 50 && ours.median < peer.median },
    };
  },
};
