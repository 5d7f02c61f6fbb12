import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { startServe } from './helpers/startServe';
import { ContractSocket } from './helpers/contractSocket';
import { writePackage } from '../fixtures/writePackage';

const bin = path.resolve('bin/stemroom.js');
const ROUNDS = 2;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function stemroom(args: string[]): Promise<Run> {
  const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

/**
 * One library, many processes: the browser host serving it, two
 * `stemroom export` runs at once, and `stemroom info` / `stemroom exports`
 * started over and over meanwhile (each of them runs recovery as it opens
 * the library). Every export succeeds, the ledger verifies, no `.partial`
 * is left, every file has its entry, and the host's own scratch (an upload
 * it holds) survives all the other processes' starts.
 */
it('two concurrent exports, info/exports in a loop and the browser host share one library', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stemroom-multi-'));
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'stemroom-multi-out-'));
  const pkg = fs.mkdtempSync(path.join(os.tmpdir(), 'stemroom-multi-pkg-'));
  writePackage(pkg);
  const at = ['--data-dir', dataDir];
  expect((await stemroom(['catalog', 'import', pkg, ...at])).code).toBe(0);
  expect((await stemroom(['settings', '--creator', 'Tester', ...at])).code).toBe(0);
  const project = JSON.parse((await stemroom(['project', 'create', '--recording', 'r-test', '--kind', 'remix', '--json', ...at])).stdout) as { id: string };

  const serve = await startServe(dataDir);
  const client = await ContractSocket.connect(serve.url);
  try {
    const { origin, port } = new URL(serve.url);
    const upload = await fetch(`http://127.0.0.1:${port}/upload?token=${new URL(serve.url).searchParams.get('token')}`, {
      method: 'POST',
      headers: { Origin: origin },
      body: 'held by the host',
    });
    const { uploadId } = (await upload.json()) as { uploadId: string };
    const hostUpload = () =>
      fs
        .readdirSync(path.join(dataDir, 'tmp'))
        .filter((d) => d.startsWith(`${serve.process.pid}-`))
        .map((d) => path.join(dataDir, 'tmp', d, 'uploads', uploadId));

    const failures: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const exports = [0, 1].map((lane) => stemroom(['export', project.id, '--out', path.join(out, `r${round}-l${lane}.wav`), ...at]));
      let running = true;
      void Promise.all(exports).finally(() => (running = false));
      let readers = 0;
      while (running) {
        for (const run of await Promise.all([stemroom(['info', ...at]), stemroom(['exports', '--json', ...at])])) {
          if (run.code !== 0) failures.push(`reader exited ${run.code}: ${run.stderr}`);
        }
        expect((await client.call('exports.list', {})).length).toBeGreaterThanOrEqual(round * 2);
        readers++;
      }
      for (const run of await Promise.all(exports)) {
        if (run.code !== 0) failures.push(`export exited ${run.code}: ${run.stderr}`);
        expect(run.stderr.trim().split('\n').length, run.stderr).toBeLessThanOrEqual(1);
      }
      expect(readers).toBeGreaterThan(0);
    }
    expect(failures).toEqual([]);

    const verify = JSON.parse((await stemroom(['ledger', 'verify', '--json', ...at])).stdout) as { ok: boolean; entries: number };
    expect(verify).toMatchObject({ ok: true, entries: ROUNDS * 2 });
    expect(fs.readdirSync(out).filter((f) => f.includes('.partial'))).toEqual([]);
    const files = fs.readdirSync(out).filter((f) => f.endsWith('.wav'));
    expect(files).toHaveLength(ROUNDS * 2);
    for (const file of files) {
      expect(JSON.parse((await stemroom(['inspect', path.join(out, file), '--json', ...at])).stdout).ledger, file).toBe('matches');
    }
    expect((await client.call('exports.list', {})).map((e) => e.fileState)).toEqual(Array(ROUNDS * 2).fill('ok'));
    expect(hostUpload().filter((f) => fs.existsSync(f))).toHaveLength(1);
  } finally {
    client.close();
    await serve.stop();
    for (const dir of [dataDir, out, pkg]) fs.rmSync(dir, { recursive: true, force: true });
  }
});
