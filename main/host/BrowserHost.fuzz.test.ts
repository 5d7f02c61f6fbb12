import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from './BrowserHost';
import { StemroomServices } from '../services/StemroomServices';
import { writePackage } from '../../tests/fixtures/writePackage';
import { frameAttacks, framesAttack, httpAttack, httpAttacks, type Attack } from '../../tests/helpers/hostAttacks';
import { frame, exchange } from '../../tests/helpers/rawWebSocket';
import { ContractSocket } from '../../tests/e2e/helpers/contractSocket';

/**
 * The browser host under fire: hand-built malformed frames, hostile HTTP
 * and random bytes and JSON, bounded in count (a few seconds, loopback
 * only). After every attack the host still answers a contract request on a
 * connection opened before the attacks, and the edit acknowledged before
 * them is in the database.
 */
describe('browser host fuzz', () => {
  let services: StemroomServices;
  let host: BrowserHost;
  let client: ContractSocket;
  let projectId: string;
  let dataDir: string;
  let dir: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stemroom-fuzz-'));
    dataDir = path.join(dir, 'data');
    services = await StemroomServices.open(dataDir, { demoCatalogDir: null });
    host = await startBrowserHost({ services, rendererDir: dir, port: 0 });
    client = await ContractSocket.connect(host.url);
    const pkg = path.join(dir, 'pkg');
    writePackage(pkg);
    await client.call('catalog.import', { source: { path: pkg } });
    projectId = (await client.call('projects.create', { recordingId: 'r-test', kind: 'remix' })).id;
    await client.call('projects.edit', { projectId, commands: [{ type: 'rename', name: 'acknowledged before the attacks' }] });
  });
  afterAll(async () => {
    client.close();
    await host.close();
    services.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const address = () => ({ port: host.port, token: host.token });
  const survives = async (attack: Attack) => {
    await attack.run(address());
    const info = await client.call('library.info', {});
    expect(info.dataDir, `after "${attack.name}"`).toBe(services.library.paths.dataDir);
  };

  it('survives every malformed WebSocket frame', async () => {
    for (const attack of frameAttacks()) await survives(attack);
  });

  it('survives hostile HTTP requests', async () => {
    for (const attack of httpAttacks()) await survives(attack);
    const reply = (
      await exchange(
        host.port,
        `GET /project-file/${crypto.randomUUID()} HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nCookie: stemroom_token_${host.port}=${host.token}\r\n\r\n`,
      )
    ).toString();
    expect(reply).toMatch(/^HTTP\/1\.1 404 /);
    expect((await exchange(host.port, 'GET // HTTP/1.1\r\n\r\n')).toString()).toMatch(/^HTTP\/1\.1 4\d\d /);
  });

  it('survives random frames and random bytes after the upgrade', async () => {
    const randomFrame = fc.record({
      opcode: fc.integer({ min: 0, max: 15 }),
      fin: fc.boolean(),
      rsv: fc.integer({ min: 0, max: 7 }),
      mask: fc.boolean(),
      payload: fc.uint8Array({ maxLength: 200 }),
      lie: fc.option(fc.integer({ min: 0, max: 2 ** 31 }), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(randomFrame, { minLength: 1, maxLength: 4 }), async (frames) => {
        await survives(framesAttack('random frames', () => frames.map((f) => frame({ ...f, claimedLength: f.lie }))));
      }),
      { numRuns: 30 },
    );
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 300 }), async (raw) => {
        await survives(framesAttack('random bytes', () => [Buffer.from(raw)]));
        await survives(httpAttack('random bytes as HTTP', () => Buffer.from(raw), 50));
      }),
      { numRuns: 30 },
    );
  });

  it('answers random JSON messages with a result for their id, or closes that socket', async () => {
    const message = fc.oneof(
      fc.json(),
      fc
        .record({
          id: fc.integer(),
          channel: fc.oneof(fc.string(), fc.constantFrom('projects.edit', 'library.info', 'exports.start', '__proto__')),
          request: fc.jsonValue(),
        })
        .map((m) => JSON.stringify(m)),
    );
    await fc.assert(
      fc.asyncProperty(message, async (text) => {
        const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws?token=${host.token}`, { headers: { Origin: host.origin } });
        await new Promise((resolve) => ws.once('open', resolve));
        const outcome = new Promise<string>((resolve) => {
          ws.on('message', (data) => {
            const reply = JSON.parse(data.toString()) as { id?: number; result?: { ok: boolean } };
            if (reply.id !== undefined) resolve(reply.result?.ok ? 'ok' : 'error result');
          });
          ws.once('close', (code) => resolve(`closed ${code}`));
        });
        ws.send(text);
        expect(await outcome).toMatch(/^(ok|error result|closed 1003)$/);
        ws.terminate();
        expect((await client.call('library.info', {})).schemaVersion).toBeGreaterThan(0);
      }),
      { numRuns: 60 },
    );
  });

  it('still holds the edit acknowledged before the attacks', async () => {
    // Not flushed here: autosave wrote it while the attacks ran, as it does for any acknowledged edit.
    const db = new Database(services.library.paths.databasePath, { readonly: true });
    try {
      expect(db.prepare('SELECT name FROM projects WHERE id = ?').pluck().get(projectId)).toBe('acknowledged before the attacks');
    } finally {
      db.close();
    }
    expect(dataDir).toBe(services.library.paths.dataDir);
  });
});
