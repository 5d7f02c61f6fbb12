import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Workload } from '../Workload';
import { measurePair, round } from '../measure';
import { StemroomServices } from '../../main/services/StemroomServices';
import { callContract } from '../../main/cli/callContract';
import { ledgerQueries, type LedgerEntry } from '../../main/db/ledgerQueries';
import { entryHash, sha256Hex } from '../../main/services/exports/ledgerHash';
import { uuidv7 } from '../../shared/rights/uuidv7';
import { writeBenchPackage } from '../fixtures/writeBenchPackage';

const SMALL = 6;
const LARGE = 600;

/** A library with `count` exports: one real export, and `count - 1` more ledger entries and rows, each with its own copy of the file. */
async function libraryWithExports(root: string, pkg: string, recordingId: string, count: number): Promise<StemroomServices> {
  const services = await StemroomServices.open(path.join(root, `data-${count}`), { demoCatalogDir: null });
  await callContract(services, 'catalog.import', { source: { path: pkg } });
  await callContract(services, 'settings.update', { creatorName: 'Bench Remixer' });
  const project = await callContract(services, 'projects.create', { recordingId, kind: 'remix' });
  const files = path.join(root, `files-${count}`);
  fs.mkdirSync(files);
  const first = await callContract(services, 'exports.start', { projectId: project.id, path: path.join(files, 'take-1.mp3'), format: 'mp3' });
  const ledger = ledgerQueries(services.library.db);
  const row = ledger.exportById(first.exportId)!;
  let head = ledger.head()!;
  for (let n = 2; n <= count; n++) {
    const exportId = uuidv7(Date.parse(row.createdAt) + n, crypto.randomBytes(10));
    const file = path.join(files, `take-${n}.mp3`);
    fs.copyFileSync(first.path, file);
    const payloadJson = head.payloadJson.replaceAll(head.exportId, exportId);
    const payloadSha256 = sha256Hex(payloadJson);
    const entry: LedgerEntry = {
      position: head.position + 1,
      exportId,
      createdAt: new Date(Date.parse(row.createdAt) + n).toISOString(),
      payloadJson,
      payloadSha256,
      previousHash: head.entryHash,
      entryHash: entryHash(head.entryHash, payloadSha256),
    };
    ledger.commit(entry, { ...row, id: exportId, ledgerPosition: entry.position, path: file, createdAt: entry.createdAt }, null);
    head = entry;
  }
  return services;
}

/** The least any list that checks its files can do: the rows from SQLite and a stat of each file. */
function floorOf(services: StemroomServices): () => number {
  const ledger = ledgerQueries(services.library.db);
  return () => ledger.exports().filter((row) => fs.statSync(row.path, { throwIfNoEntry: false })?.isFile()).length;
}

/**
 * `exports.list` through the contract on a library with 600 exports and
 * on one with 6, every export a real file on disk and a row in a real
 * SQLite ledger — against the floor (the rows straight from SQLite and a
 * stat per file). The first list of each library hashes every file
 * (ExportFileStates has not seen them); after that a file is read again
 * only when it changes, so the list costs a stat per export.
 */
export const exportsList: Workload = {
  name: 'exports-list',
  description: `exports.list of ${LARGE} exports (and of ${SMALL}), real files and SQLite, vs the rows + a stat per file`,
  async run() {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'stemroom-bench-exports-list-'));
    const pkg = path.join(root, 'package');
    // Six seconds of audio: the list never reads a file it has seen, so 600 short files stand for 600 long ones (the first list's hashing aside).
    const recordingId = writeBenchPackage(pkg, 2, 0.1);
    const manifest = path.join(pkg, 'manifest.json');
    fs.writeFileSync(manifest, fs.readFileSync(manifest, 'utf8').replace('ZZ-TST-26-200.1', 'ZZ-TST-26-20001'));
    const small = await libraryWithExports(root, pkg, recordingId, SMALL);
    const large = await libraryWithExports(root, pkg, recordingId, LARGE);
    const list = (services: StemroomServices, count: number) => async () => {
      const items = await callContract(services, 'exports.list', {});
      if (items.length !== count || items.some((i) => i.fileState !== 'ok'))
        throw new Error(`exports.list gave ${items.length} exports, not ${count} unchanged ones`);
    };
    const cold = async (services: StemroomServices, count: number) => {
      const started = performance.now();
      await list(services, count)();
      return round(performance.now() - started);
    };
    const coldSmall = await cold(small, SMALL);
    const coldLarge = await cold(large, LARGE);
    const smallRun = await measurePair(list(small, SMALL), floorOf(small), 21);
    const largeRun = await measurePair(list(large, LARGE), floorOf(large), 21);
    small.close();
    large.close();
    fs.rmSync(root, { recursive: true, force: true });
    const perExportSmall = (smallRun.ours.median / SMALL) * 1000;
    const perExportLarge = (largeRun.ours.median / LARGE) * 1000;
    const overFloor = largeRun.ours.median / largeRun.peer.median;
    return {
      unit: 'ms',
      ours: {
        ...largeRun.ours,
        extra: {
          [`list${SMALL}Ms`]: smallRun.ours.median,
          [`floor${SMALL}Ms`]: smallRun.peer.median,
          [`perExportUs${SMALL}`]: round(perExportSmall, 1),
          [`perExportUs${LARGE}`]: round(perExportLarge, 1),
          [`firstList${SMALL}Ms`]: coldSmall,
          [`firstList${LARGE}Ms`]: coldLarge,
          timesTheFloor: round(overFloor, 2),
        },
      },
      peerName: `the ${LARGE} rows straight from SQLite + a stat per file (the floor)`,
      peer: largeRun.peer,
      // A list that checks every file grows with the library as the floor does (a row and a stat each); what must not grow is anything more: reading files it has seen.
      goal: {
        description: `no file read once seen: the list of ${LARGE} within 2× the floor, and under 50 ms (the issue measured 310 ms for 6 exports when every list hashed every file)`,
        met: overFloor <= 2 && largeRun.ours.median <= 50,
      },
    };
  },
};
