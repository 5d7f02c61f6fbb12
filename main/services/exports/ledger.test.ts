import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { StemroomServices } from '../StemroomServices';
import { callContract } from '../../cli/callContract';
import { ledgerQueries } from '../../db/ledgerQueries';
import { ProcessOwner } from '../processes/ProcessOwner';
import { tempDir } from '../../../tests/helpers/tempDir';
import { writePackage } from '../../../tests/fixtures/writePackage';

const now = () => new Date('2026-11-24T12:00:00Z');
const opened: StemroomServices[] = [];
afterEach(() => opened.splice(0).forEach((s) => s.library.db.open && s.close()));

async function open(dataDir: string) {
  const services = await StemroomServices.open(dataDir, { demoCatalogDir: null, now });
  opened.push(services);
  return services;
}

/** A library with the sample package and a remix project, ready to export. */
async function readyLibrary() {
  const dataDir = tempDir();
  const services = await open(dataDir);
  await callContract(services, 'settings.update', { creatorName: 'Tester' });
  const pkg = tempDir();
  writePackage(pkg);
  await callContract(services, 'catalog.import', { source: { path: pkg } });
  const project = await callContract(services, 'projects.create', { recordingId: 'r-test', kind: 'remix' });
  return { dataDir, services, projectId: project.id };
}

describe('the ledger', () => {
  it('refuses UPDATE and DELETE (triggers)', async () => {
    const { services, projectId } = await readyLibrary();
    await callContract(services, 'exports.start', { projectId, path: path.join(tempDir(), 'a.wav'), format: 'wav' });
    const db = new Database(services.library.paths.databasePath);
    expect(() => db.exec("UPDATE ledger SET payload_json = '{}'")).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM ledger')).toThrow(/append-only/);
    db.close();
  });

  it('names the altered entry when any byte of any stored entry is flipped', async () => {
    const { services, projectId } = await readyLibrary();
    const out = tempDir();
    for (const name of ['a', 'b', 'c']) await callContract(services, 'exports.start', { projectId, path: path.join(out, `${name}.wav`), format: 'wav' });
    expect(await callContract(services, 'ledger.verify', {})).toMatchObject({ ok: true, entries: 3 });

    const attacker = new Database(services.library.paths.databasePath);
    attacker.exec('DROP TRIGGER ledger_no_update');
    const entries = attacker
      .prepare('SELECT position, payload_json, payload_sha256, previous_hash, entry_hash, export_id FROM ledger ORDER BY position')
      .all() as Record<string, string | number>[];
    let flips = 0;
    for (const entry of entries) {
      for (const column of ['payload_json', 'payload_sha256', 'previous_hash', 'entry_hash', 'export_id']) {
        const value = String(entry[column]);
        const step = Math.max(1, Math.floor(value.length / 24));
        for (let i = 0; i < value.length; i += step) {
          const flipped = value.slice(0, i) + String.fromCharCode(value.charCodeAt(i) ^ 1) + value.slice(i + 1);
          attacker.prepare(`UPDATE ledger SET ${column} = ? WHERE position = ?`).run(flipped, entry.position);
          const result = await callContract(services, 'ledger.verify', {});
          expect(result.ok, `${column}[${i}] of entry ${entry.position}`).toBe(false);
          expect(result.firstBadPosition, `${column}[${i}] of entry ${entry.position}`).toBe(entry.position);
          attacker.prepare(`UPDATE ledger SET ${column} = ? WHERE position = ?`).run(value, entry.position);
          flips++;
        }
      }
    }
    attacker.close();
    expect(flips).toBeGreaterThan(300);
    expect((await callContract(services, 'ledger.verify', {})).ok).toBe(true);
  });
});

describe('export crash recovery: the file and its ledger entry appear together or not at all', () => {
  /**
   * Exports once in a copy of the library to get the real file, credits and ledger rows, then
   * rebuilds, in a fresh copy, the state a crash would leave at each step, and reopens it.
   */
  async function crashedAt(step: 'temp files written' | 'audio renamed' | 'both renamed', owner?: string) {
    const { dataDir, services, projectId } = await readyLibrary();
    services.close();
    const pristine = tempDir();
    fs.cpSync(dataDir, pristine, { recursive: true });
    const done = await open(dataDir);
    const out = tempDir();
    const summary = await callContract(done, 'exports.start', { projectId, path: path.join(out, 'song.wav'), format: 'wav' });
    const ledger = ledgerQueries(done.library.db);
    const entry = ledger.entryOf(summary.exportId)!;
    const row = ledger.exportById(summary.exportId)!;
    const file = fs.readFileSync(summary.path);
    const credits = fs.readFileSync(summary.creditsPath);
    done.close();

    const crashed = tempDir();
    fs.cpSync(pristine, crashed, { recursive: true });
    const crashOut = tempDir();
    const finalPath = path.join(crashOut, 'song.wav');
    const job = {
      exportId: entry.exportId,
      startedAt: entry.createdAt,
      finalPath,
      tempPath: path.join(crashOut, '.song.wav.x.partial'),
      creditsPath: `${finalPath}.credits.json`,
      creditsTemp: path.join(crashOut, '.song.wav.credits.json.x.partial'),
      recordJson: credits.toString(),
      exportJson: JSON.stringify({ entry, row: { ...row, path: finalPath }, ...(owner ? { owner } : {}) }),
    };
    fs.writeFileSync(step === 'temp files written' ? job.tempPath : finalPath, file);
    fs.writeFileSync(step === 'both renamed' ? job.creditsPath : job.creditsTemp, credits);
    const db = new Database(path.join(crashed, 'library.sqlite'));
    ledgerQueries(db).addJournal(job);
    db.close();
    const restarted = await open(crashed);
    return { restarted, crashOut, finalPath, exportId: entry.exportId, job };
  }

  it('rolls back an export whose file never reached its name', async () => {
    const { restarted, crashOut } = await crashedAt('temp files written');
    expect(fs.readdirSync(crashOut)).toEqual([]);
    expect(await callContract(restarted, 'exports.list', {})).toEqual([]);
    expect((await callContract(restarted, 'ledger.verify', {})).entries).toBe(0);
  });

  it.each(['audio renamed', 'both renamed'] as const)('completes an export whose file reached its name (%s)', async (step) => {
    const { restarted, crashOut, finalPath, exportId } = await crashedAt(step);
    expect(fs.readdirSync(crashOut).sort()).toEqual(['song.wav', 'song.wav.credits.json']);
    expect((await callContract(restarted, 'exports.list', {})).map((e) => e.id)).toEqual([exportId]);
    expect(await callContract(restarted, 'exports.inspect', { source: { path: finalPath } })).toMatchObject({ audioMatches: true, ledger: 'matches' });
    expect(await callContract(restarted, 'ledger.verify', {})).toMatchObject({ ok: true, entries: 1 });
  });

  it('leaves alone an export whose process is still running (another stemroom exporting right now)', async () => {
    const { restarted, crashOut, job } = await crashedAt('temp files written', ProcessOwner.current().token);
    expect(fs.readdirSync(crashOut).sort()).toEqual([path.basename(job.creditsTemp), path.basename(job.tempPath)].sort());
    expect(
      ledgerQueries(restarted.library.db)
        .journal()
        .map((j) => j.exportId),
    ).toEqual([job.exportId]);
  });

  it('repairs an export whose process is gone', async () => {
    const gone = `${spawnSync(process.execPath, ['-e', '']).pid}-${ProcessOwner.current().start ?? 'x'}-${ProcessOwner.current().boot ?? 'x'}`;
    const { restarted, crashOut } = await crashedAt('temp files written', gone);
    expect(fs.readdirSync(crashOut)).toEqual([]);
    expect(ledgerQueries(restarted.library.db).journal()).toEqual([]);
  });
});

describe('concurrent exports', () => {
  it('two libraries open on one folder export at once: both succeed, one after the other in the ledger', async () => {
    const { dataDir, services, projectId } = await readyLibrary();
    const second = await open(dataDir);
    const out = tempDir();
    const [a, b] = await Promise.all(
      [services, second].map((s, i) => callContract(s, 'exports.start', { projectId, path: path.join(out, `${i}.wav`), format: 'wav' })),
    );
    expect([a!.ledgerPosition, b!.ledgerPosition].sort()).toEqual([1, 2]);
    expect(await callContract(second, 'ledger.verify', {})).toMatchObject({ ok: true, entries: 2 });
    for (const summary of [a!, b!])
      expect(await callContract(services, 'exports.inspect', { source: { path: summary.path } })).toMatchObject({ audioMatches: true, ledger: 'matches' });
  });
});
