import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { startServe } from './helpers/startServe';
import { ContractSocket } from './helpers/contractSocket';
import { writePackage } from '../fixtures/writePackage';
import { frameAttacks, httpAttacks } from '../helpers/hostAttacks';

/**
 * The real `stemroom serve` process under the same attack list as the
 * in-process fuzz test: it must stay up and keep answering; then an edit
 * acknowledged just before SIGHUP (well inside the autosave delay) is on
 * disk after the process stops, and it stopped with exit code 0.
 */
it('the spawned stemroom serve survives malformed frames and requests, and writes pending edits when told to stop', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stemroom-attacks-'));
  const serve = await startServe(dataDir);
  let stderr = '';
  serve.process.stderr!.on('data', (chunk) => (stderr += chunk));
  const client = await ContractSocket.connect(serve.url);
  try {
    const pkg = fs.mkdtempSync(path.join(os.tmpdir(), 'stemroom-attacks-pkg-'));
    writePackage(pkg);
    await client.call('catalog.import', { source: { path: pkg } });
    const projectId = (await client.call('projects.create', { recordingId: 'r-test', kind: 'remix' })).id;
    const host = { port: serve.port, token: new URL(serve.url).searchParams.get('token')! };
    let attackName = '';
    const died = new Promise<never>((_, reject) =>
      serve.process.once('exit', (code, signal) => reject(new Error(`serve exited (${code ?? signal}) after "${attackName}": ${stderr}`))),
    );
    died.catch(() => undefined);
    for (const attack of [...frameAttacks(), ...httpAttacks()]) {
      attackName = attack.name;
      await attack.run(host);
      expect((await Promise.race([client.call('library.info', {}), died])).host).toBe('browser');
    }
    await client.call('projects.edit', { projectId, commands: [{ type: 'rename', name: 'acknowledged just before SIGHUP' }] });
    const exited = new Promise<number | null>((resolve) => serve.process.once('exit', (code) => resolve(code)));
    serve.process.kill('SIGHUP');
    expect(await exited).toBe(0);
    const db = new Database(path.join(dataDir, 'library.sqlite'), { readonly: true });
    try {
      expect(db.prepare('SELECT name FROM projects WHERE id = ?').pluck().get(projectId)).toBe('acknowledged just before SIGHUP');
    } finally {
      db.close();
    }
    expect(stderr).toBe('');
  } finally {
    client.close();
    await serve.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
