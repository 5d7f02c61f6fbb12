import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { startServe } from './helpers/startServe';
import { ContractSocket } from './helpers/contractSocket';
import { writePackage } from '../fixtures/writePackage';
import { documentProblems } from '../../shared/project/validateDocument';

const KILLS = Number(process.env.STEMROOM_CRASH_KILLS ?? 200);
const LANES = 2;

interface LaneReport {
  kills: number;
  acked: number;
  persisted: number;
  /** Restarts where the newest acknowledged edits (all younger than a second) were not yet written: allowed. */
  lostWithinLastSecond: number;
  lostOlderThanOneSecond: number;
}

/**
 * One library, killed with SIGKILL `kills` times while a client streams
 * edits to a project: after every restart the project must open, be valid,
 * and hold every edit acknowledged more than a second before the kill.
 */
async function runLane(lane: number, kills: number): Promise<LaneReport> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `stemroom-crash-${lane}-`));
  const report: LaneReport = { kills: 0, acked: 0, persisted: 0, lostWithinLastSecond: 0, lostOlderThanOneSecond: 0 };
  let projectId: string | undefined;
  let counter = 0;
  let killedAt = 0;
  let lastAck: { counter: number; at: number } | undefined;
  let lastAckOlderThanOneSecond: { counter: number; at: number } | undefined;
  const random = mulberry32(lane + 1);
  try {
    for (let kill = 0; kill <= kills; kill++) {
      const serve = await startServe(dataDir);
      const client = await ContractSocket.connect(serve.url);
      if (!projectId) {
        const pkg = fs.mkdtempSync(path.join(os.tmpdir(), 'stemroom-crash-pkg-'));
        writePackage(pkg);
        await client.call('catalog.import', { source: { path: pkg } });
        projectId = (await client.call('projects.create', { recordingId: 'r-test', kind: 'remix' })).id;
      } else {
        // After the restart: the project opens, is valid, and holds the acknowledged edits.
        const opened = await client.call('projects.open', { projectId });
        expect(documentProblems(opened.document)).toEqual([]);
        const persisted = Number(/^edit-(\d+)$/.exec(opened.document.name)?.[1] ?? 0);
        report.persisted += 1;
        if (lastAck && persisted < lastAck.counter) {
          if (persisted < (lastAckOlderThanOneSecond?.counter ?? 0)) report.lostOlderThanOneSecond++;
          else report.lostWithinLastSecond++;
        }
        expect(persisted).toBeGreaterThanOrEqual(lastAckOlderThanOneSecond?.counter ?? 0);
      }
      if (kill === kills) {
        client.close();
        await serve.stop();
        break;
      }
      // Stream edits until a random moment, then kill the process without warning.
      const deadline = Date.now() + 100 + random() * 1900;
      lastAck = undefined;
      lastAckOlderThanOneSecond = undefined;
      const acks: { counter: number; at: number }[] = [];
      while (Date.now() < deadline) {
        counter++;
        await client.call('projects.edit', {
          projectId,
          commands: [
            { type: 'rename', name: `edit-${counter}` },
            { type: 'setTempo', bpm: 60 + (counter % 180) },
          ],
        });
        acks.push({ counter, at: Date.now() });
        await new Promise((r) => setTimeout(r, 5));
      }
      serve.process.kill('SIGKILL');
      killedAt = Date.now();
      await new Promise((r) => serve.process.once('exit', r));
      client.close();
      report.kills++;
      report.acked += acks.length;
      lastAck = acks.at(-1);
      lastAckOlderThanOneSecond = [...acks].reverse().find((a) => killedAt - a.at > 1000);
      const db = new Database(path.join(dataDir, 'library.sqlite'));
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return report;
}

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

it(`survives ${KILLS} SIGKILLs during a stream of edits without losing an edit acknowledged more than a second before`, async () => {
  const perLane = Math.ceil(KILLS / LANES);
  const reports = await Promise.all(Array.from({ length: LANES }, (_, lane) => runLane(lane, perLane)));
  const total = reports.reduce((sum, r) => ({
    kills: sum.kills + r.kills,
    acked: sum.acked + r.acked,
    persisted: sum.persisted + r.persisted,
    lostWithinLastSecond: sum.lostWithinLastSecond + r.lostWithinLastSecond,
    lostOlderThanOneSecond: sum.lostOlderThanOneSecond + r.lostOlderThanOneSecond,
  }));
  fs.mkdirSync('test-artifacts', { recursive: true });
  fs.writeFileSync('test-artifacts/crash-report.json', `${JSON.stringify(total, null, 2)}\n`);
  expect(total.kills).toBeGreaterThanOrEqual(KILLS);
  expect(total.lostOlderThanOneSecond).toBe(0);
}, 1_800_000);
