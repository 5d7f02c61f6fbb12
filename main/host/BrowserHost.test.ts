import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { WebSocket } from 'ws';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startBrowserHost, type BrowserHost } from './BrowserHost';
import { StemroomServices } from '../services/StemroomServices';
import { tempDir } from '../../tests/helpers/tempDir';

type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** Raw HTTP, so the test controls Host and Origin exactly as an attacker's page or a rebinding DNS would. */
function get(port: number, urlPath: string, headers: Record<string, string>): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, path: urlPath, headers, setHost: false }, (response) => {
      let body = '';
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

/** Resolves with 'open' or the HTTP status the upgrade was refused with. */
function openSocket(port: number, urlPath: string, headers: Record<string, string>): Promise<'open' | number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}${urlPath}`, { headers });
    socket.on('open', () => {
      socket.close();
      resolve('open');
    });
    socket.on('unexpected-response', (_request, response) => resolve(response.statusCode!));
    socket.on('error', () => undefined);
  });
}

describe('browser host', () => {
  let services: StemroomServices;
  let host: BrowserHost;
  let okHeaders: Record<string, string>;

  beforeEach(async () => {
    const dir = tempDir();
    const rendererDir = path.join(dir, 'renderer');
    fs.mkdirSync(rendererDir);
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Stemroom</title>');
    fs.writeFileSync(path.join(dir, 'secret.txt'), 'outside the renderer');
    services = await StemroomServices.open(path.join(dir, 'data'), { demoCatalogDir: null });
    host = await startBrowserHost({ services, rendererDir, port: 0 });
    okHeaders = { Host: `127.0.0.1:${host.port}`, Cookie: `stemroom_token_${host.port}=${host.token}` };
  });
  afterEach(async () => {
    await host.close();
    services.close();
  });

  it('listens on the loopback interface only', () => {
    expect(host.origin).toBe(`http://127.0.0.1:${host.port}`);
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/\\?token=[A-Za-z0-9_-]{32}$`));
  });

  it('uses a different random token on every start', async () => {
    const second = await startBrowserHost({ services, rendererDir: tempDir(), port: 0 });
    expect(second.token).not.toBe(host.token);
    await second.close();
  });

  it('trades the URL token for an HttpOnly SameSite=Strict cookie and strips it from the address bar', async () => {
    const reply = await get(host.port, `/?token=${host.token}`, { Host: `127.0.0.1:${host.port}` });
    expect(reply.status).toBe(303);
    expect(reply.headers.location).toMatch(/^\/s\/[A-Za-z0-9_-]{24}\/$/);
    // Scoped to the random session path: cookies are not isolated by port, paths are.
    expect(reply.headers['set-cookie']?.[0]).toBe(`stemroom_token_${host.port}=${host.token}; HttpOnly; SameSite=Strict; Path=${reply.headers.location}`);
  });

  it('serves the app with the token cookie, with a CSP', async () => {
    const reply = await get(host.port, '/', okHeaders);
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('<title>Stemroom</title>');
    expect(reply.headers['content-security-policy']).toContain("default-src 'self'");
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    // Cross-origin isolated, so the live engine streams through shared memory.
    expect([reply.headers['cross-origin-opener-policy'], reply.headers['cross-origin-embedder-policy'], reply.headers['cross-origin-resource-policy']]).toEqual(
      ['same-origin', 'require-corp', 'same-origin'],
    );
  });

  it('refuses requests without a token, or with a wrong one', async () => {
    expect((await get(host.port, '/', { Host: `127.0.0.1:${host.port}` })).status).toBe(401);
    expect((await get(host.port, '/?token=wrong', { Host: `127.0.0.1:${host.port}` })).status).toBe(401);
    expect((await get(host.port, '/', { Host: `127.0.0.1:${host.port}`, Cookie: `stemroom_token_${host.port}=${host.token.slice(1)}x` })).status).toBe(401);
  });

  it('refuses a foreign Host header even with the right token (DNS rebinding)', async () => {
    const reply = await get(host.port, '/', { ...okHeaders, Host: `attacker.example:${host.port}` });
    expect(reply.status).toBe(421);
    expect(reply.body).toMatch(/not this Stemroom host/);
    expect((await get(host.port, '/', { ...okHeaders, Host: '127.0.0.1:1' })).status).toBe(421);
  });

  it('refuses a cross-origin request', async () => {
    expect((await get(host.port, '/', { ...okHeaders, Origin: 'https://attacker.example' })).status).toBe(403);
    expect((await get(host.port, '/', { ...okHeaders, Origin: `http://localhost:${host.port}` })).status).toBe(200);
  });

  it('refuses paths that leave the renderer folder', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e%5csecret.txt', '/media/../../secret.txt']) {
      const reply = await get(host.port, p, okHeaders);
      expect(reply.status, p).toBe(404);
      expect(reply.body).not.toContain('outside the renderer');
    }
  });

  it('refuses writes', async () => {
    const reply = await new Promise<number>((resolve) => {
      const request = http.request({ host: '127.0.0.1', port: host.port, path: '/', method: 'POST', headers: okHeaders, setHost: false }, (r) =>
        resolve(r.statusCode!),
      );
      request.end('x');
    });
    expect(reply).toBe(405);
  });

  it('opens the WebSocket only with same Origin, loopback Host and the token', async () => {
    const origin = host.origin;
    expect(await openSocket(host.port, '/ws', { ...okHeaders, Origin: origin })).toBe('open');
    expect(await openSocket(host.port, `/ws?token=${host.token}`, { Origin: origin })).toBe('open');
    expect(await openSocket(host.port, '/ws', { Origin: origin })).toBe(401);
    expect(await openSocket(host.port, '/ws', { Cookie: okHeaders.Cookie! })).toBe(403);
    expect(await openSocket(host.port, '/ws', { ...okHeaders, Origin: 'https://attacker.example' })).toBe(403);
    expect(await openSocket(host.port, '/ws', { ...okHeaders, Origin: origin, Host: `rebound.example:${host.port}` })).toBe(421);
    expect(await openSocket(host.port, '/elsewhere', { ...okHeaders, Origin: origin })).toBe(404);
  });

  it('closes a socket that sends something other than a contract message', async () => {
    const socket = new WebSocket(`ws://127.0.0.1:${host.port}/ws`, { headers: { ...okHeaders, Origin: host.origin } });
    await new Promise((resolve) => socket.on('open', resolve));
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    socket.send('{"not": "a request"');
    expect(await closed).toBe(1003);
  });

  it('answers a malformed message that has an id with an error result for that id, and keeps the socket', async () => {
    const socket = new WebSocket(`ws://127.0.0.1:${host.port}/ws`, { headers: { ...okHeaders, Origin: host.origin } });
    await new Promise((resolve) => socket.on('open', resolve));
    const replies: unknown[] = [];
    socket.on('message', (data) => replies.push(JSON.parse(data.toString())));
    socket.send(JSON.stringify({ id: 5, channel: 7 }));
    socket.send(JSON.stringify({ id: 6, channel: 'library.info', request: {} }));
    await vi.waitFor(() => expect(replies).toHaveLength(2));
    expect(replies[0]).toEqual({ id: 5, result: { ok: false, error: { code: 'invalid-request', message: 'Malformed message: "channel" is not a string.' } } });
    expect(replies[1]).toMatchObject({ id: 6, result: { ok: true } });
    socket.close();
  });

  it('closes a socket that sends a binary frame, with a reason', async () => {
    const socket = new WebSocket(`ws://127.0.0.1:${host.port}/ws`, { headers: { ...okHeaders, Origin: host.origin } });
    await new Promise((resolve) => socket.on('open', resolve));
    const closed = new Promise<[number, string]>((resolve) => socket.on('close', (code, reason) => resolve([code, reason.toString()])));
    socket.send(Buffer.from('{"id":1,"channel":"library.info","request":{}}'));
    expect(await closed).toEqual([1003, 'Expected JSON {id, channel, request}: binary frames are not contract messages.']);
  });

  it('answers a request whose handler throws with a one-line 500, and keeps serving', async () => {
    vi.spyOn(services.media, 'serve').mockImplementationOnce(() => {
      throw new Error('disk on fire\n    at somewhere (stack.ts:1:1)');
    });
    const reply = await get(host.port, `/media/${'ab'.repeat(32)}`, okHeaders);
    expect(reply.status).toBe(500);
    expect(reply.body).toBe('Internal error: disk on fire\n');
    expect((await get(host.port, '/', okHeaders)).status).toBe(200);
  });

  it('answers 404 for a project file that does not exist, and 400 for a path no URL parser accepts', async () => {
    expect((await get(host.port, '/project-file/00000000-0000-4000-8000-000000000000', okHeaders)).status).toBe(404);
    expect((await get(host.port, '//', okHeaders)).status).toBe(400);
  });

  it('refuses an upload whose declared size is over the limit before reading it', async () => {
    const reply = await new Promise<Reply>((resolve) => {
      const request = http.request(
        {
          host: '127.0.0.1',
          port: host.port,
          path: '/upload',
          method: 'POST',
          headers: { ...okHeaders, Origin: host.origin, 'Content-Length': String(services.uploads.maxBytes + 1) },
          setHost: false,
        },
        (response) => {
          let body = '';
          response.on('data', (chunk) => (body += chunk));
          response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body }));
        },
      );
      request.on('error', () => undefined);
      request.write('x');
    });
    expect(reply.status).toBe(413);
    expect(reply.body).toMatch(/^The upload is larger than \d+ bytes\.\n$/);
    expect(fs.readdirSync(path.join(services.library.scratchDir, 'uploads'))).toEqual([]);
  });
});
