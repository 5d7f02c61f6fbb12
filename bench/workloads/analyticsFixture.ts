import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { StemroomServices } from '../../main/services/StemroomServices';
import { callContract } from '../../main/cli/callContract';
import { ledgerQueries } from '../../main/db/ledgerQueries';
import { entryHash, sha256Hex } from '../../main/services/exports/ledgerHash';
import { canonicalJson } from '../../shared/rights/canonicalJson';
import { uuidv7 } from '../../shared/rights/uuidv7';
import { simulatePlays, type SimulatedPlay } from '../../main/services/analytics/import/simulatePlays';
import type { AttributionPayload } from '../../shared/rights/attributionRecord';

/** Plays in the benchmark (the issue's scale by default; STEMROOM_BENCH_PLAYS for a quick run). */
export const PLAYS = Number(process.env.STEMROOM_BENCH_PLAYS ?? 5_000_000);
export const EXPORTS = 200;
export const NOW = Date.parse('2026-11-24T12:00:00Z');

export interface AnalyticsFixture {
  readonly services: StemroomServices;
  readonly exportIds: readonly string[];
  readonly csvPath: string;
  /** The same plays as NDJSON (one object per line, as JSON.stringify writes them). */
  readonly ndjsonPath: string;
  readonly csvBytes: number;
  readonly duck: DuckDBConnection;
  imported: boolean;
  cleanup(): void;
}

let fixture: Promise<AnalyticsFixture> | undefined;

/**
 * A library with 200 exports and a CSV play log of 5,000,000 plays over
 * them, interleaved as a real log is (by time, not by export). One export
 * is rendered for real; the other 199 are ledger entries cloned from its
 * attribution record with their own ids, titles and lengths (2–6 min), so
 * the ledger still verifies. Built once per run, shared by the analytics
 * workloads.
 */
export function analyticsFixture(): Promise<AnalyticsFixture> {
  fixture ??= build();
  return fixture;
}

async function build(): Promise<AnalyticsFixture> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stemroom-bench-analytics-'));
  const services = await StemroomServices.open(dataDir, { now: () => new Date(NOW) });
  await callContract(services, 'settings.update', { creatorName: 'Bench Remixer' });
  const project = await callContract(services, 'projects.create', { recordingId: 'emb-r-glass-orchard', kind: 'remix' });
  const first = await callContract(services, 'exports.start', { projectId: project.id, path: path.join(dataDir, 'first.wav'), format: 'wav', bitDepth: 16 });
  const ledger = ledgerQueries(services.library.db);
  const template = services.exports.facts(first.exportId);
  const exportIds = [first.exportId];
  for (let i = 1; i < EXPORTS; i++) {
    const head = ledger.head()!;
    const id = uuidv7(NOW - (EXPORTS - i) * 3_600_000, crypto.randomBytes(10));
    const durationSec = 120 + ((i * 7919) % 240);
    const payload: AttributionPayload = { ...template.record, exportId: id, output: { ...template.record.output, title: `Bench remix ${i}`, durationSec } };
    const payloadJson = canonicalJson(payload);
    const payloadSha256 = sha256Hex(payloadJson);
    const entry = {
      position: head.position + 1,
      exportId: id,
      createdAt: payload.createdAt,
      payloadJson,
      payloadSha256,
      previousHash: head.entryHash,
      entryHash: entryHash(head.entryHash, payloadSha256),
    };
    // Four exports per project: each dashboard has versions to compare, as a creator's real library would.
    const projectId = i < 4 ? template.row.projectId : `00000000-0000-7000-8000-${String(Math.floor(i / 4)).padStart(12, '0')}`;
    ledger.commit(
      entry,
      {
        ...template.row,
        id,
        projectId,
        ledgerPosition: entry.position,
        title: `Bench remix ${i}`,
        durationSec,
        path: path.join(dataDir, `bench-${i}.wav`),
        audioSha256: sha256Hex(id),
      },
      null,
    );
    exportIds.push(id);
  }

  const csvPath = path.join(dataDir, 'plays.csv');
  const ndjsonPath = path.join(dataDir, 'plays.ndjson');
  const out = fs.openSync(csvPath, 'w');
  const ndjsonOut = fs.openSync(ndjsonPath, 'w');
  let objects: string[] = [];
  const generators = exportIds.map((id, i) => {
    const { row, record } = services.exports.facts(id);
    const outline = { markers: [], stems: record.sources.flatMap((s) => s.stems.map((stem) => ({ name: stem.name, ranges: stem.ranges }))) };
    return {
      id,
      plays: simulatePlays(outline, Math.round(row.durationSec * 1000), {
        plays: Math.ceil(PLAYS / EXPORTS),
        seed: i + 1,
        days: 90,
        artificialShare: 0.01,
        endMs: NOW,
        listenerPrefix: `l${i % 7}`,
      }),
    };
  });
  let lines = ['export_id,listener_id,played_at,country,source,ms_played,reason_end'];
  let written = 0;
  const flush = () => {
    fs.writeSync(out, `${lines.join('\n')}\n`);
    lines = [];
    if (objects.length) fs.writeSync(ndjsonOut, `${objects.join('\n')}\n`);
    objects = [];
  };
  // Round-robin over the exports so the log is interleaved like a real one.
  while (written < PLAYS) {
    for (const g of generators) {
      const next = g.plays.next();
      if (next.done || written >= PLAYS) continue;
      const p: SimulatedPlay = next.value;
      const playedAt = new Date(p.playedAt).toISOString();
      lines.push(`${g.id},${p.listenerId},${playedAt},${p.country},${p.source},${p.msPlayed},${p.reasonEnd}`);
      objects.push(
        JSON.stringify({
          export_id: g.id,
          listener_id: p.listenerId,
          played_at: playedAt,
          country: p.country,
          source: p.source,
          ms_played: p.msPlayed,
          reason_end: p.reasonEnd,
        }),
      );
      written++;
    }
    if (lines.length >= 100_000) flush();
  }
  flush();
  fs.closeSync(out);
  fs.closeSync(ndjsonOut);

  const duck = await (await DuckDBInstance.create(':memory:')).connect();
  await duck.run(`CREATE TABLE exports (export_id VARCHAR, duration_ms BIGINT)`);
  await duck.run(
    `INSERT INTO exports VALUES ${exportIds.map((id) => `('${id}', ${Math.round(services.exports.facts(id).row.durationSec * 1000)})`).join(',')}`,
  );
  return {
    services,
    exportIds,
    csvPath,
    ndjsonPath,
    csvBytes: fs.statSync(csvPath).size,
    duck,
    imported: false,
    cleanup: () => {
      services.close();
      duck.closeSync();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
