import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { writePackage } from '../fixtures/writePackage';

const bin = path.resolve('bin/stemroom.js');
const ATTEMPTS = 14;
/** Runs the CLI with --json and parses stdout, whatever the exit code. */
const cli = (args: string[]) => JSON.parse(spawnSync(process.execPath, [bin, ...args, '--json'], { encoding: 'utf8' }).stdout);

/**
 * Kills `stemroom export` with SIGKILL at random moments, many times; after
 * each restart every export row has its file and every final file in the
 * folder has its ledger entry (crash recovery runs when the library opens).
 */
it('a process killed during export leaves no file without its ledger entry and no entry without its file', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stemroom-export-crash-'));
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'stemroom-export-crash-out-'));
  const pkg = fs.mkdtempSync(path.join(os.tmpdir(), 'stemroom-export-crash-pkg-'));
  writePackage(pkg);
  cli(['catalog', 'import', pkg, '--data-dir', dataDir]);
  cli(['settings', '--creator', 'Tester', '--data-dir', dataDir]);
  const project = cli(['project', 'create', '--recording', 'r-test', '--kind', 'remix', '--data-dir', dataDir]);
  let kills = 0;
  let finished = 0;
  for (let i = 0; i < ATTEMPTS; i++) {
    const child = spawn(process.execPath, [bin, 'export', project.id, '--out', path.join(out, `take-${i}.flac`), '--data-dir', dataDir], { stdio: 'ignore' });
    const delay = 150 + Math.random() * 900;
    const timer = setTimeout(() => child.kill('SIGKILL'), delay);
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    clearTimeout(timer);
    if (code === null) kills++;
    else finished++;
    // Restart: any command opens the library and recovers interrupted exports.
    expect(cli(['ledger', 'verify', '--data-dir', dataDir]).ok).toBe(true);
    const exports: { id: string; path: string }[] = cli(['exports', '--data-dir', dataDir]);
    for (const e of exports) expect(fs.existsSync(e.path), `export ${e.id} has its file`).toBe(true);
    const finals = fs.readdirSync(out).filter((f) => !f.startsWith('.') && f.endsWith('.flac'));
    const thisTake = `take-${i}.flac`;
    if (finals.includes(thisTake))
      expect(cli(['inspect', path.join(out, thisTake), '--data-dir', dataDir]).ledger, `${thisTake} has its ledger entry`).toBe('matches');
    expect(finals.sort()).toEqual(exports.map((e) => path.basename(e.path)).sort());
    expect(fs.readdirSync(out).filter((f) => f.endsWith('.partial'))).toEqual([]);
  }
  expect(kills).toBeGreaterThan(2);
  expect(finished + kills).toBe(ATTEMPTS);
  fs.mkdirSync('test-artifacts', { recursive: true });
  fs.writeFileSync('test-artifacts/export-crash-report.json', JSON.stringify({ attempts: ATTEMPTS, kills, finished }, null, 2));
}, 600_000);
