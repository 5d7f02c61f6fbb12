import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { WebSocket } from 'ws';
import { expect, it } from 'vitest';
import { startBrowserHost } from '../../main/host/BrowserHost';
import { StemroomServices } from '../../main/services/StemroomServices';
import { launchChromium } from './helpers/launchChromium';

/**
 * Review of issue 12 — a network attacker on the same machine. Cookies are
 * not isolated by port (RFC 6265 §8.5), and 127.0.0.1:A and 127.0.0.1:B are
 * the same site, so SameSite=Strict does not help: any page the user opens
 * on another loopback port (another user's dev server, a local tool) is
 * sent the studio's access-token cookie, and whoever runs that server can
 * then drive `stemroom serve` as the user (import, export, write files).
 */
// Cookies are not isolated by port; the token cookie is scoped to a random session path instead.
it('the access token never reaches a server on another loopback port', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stemroom-cookie-'));
  const rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Stemroom</title>');
  const services = await StemroomServices.open(path.join(dir, 'data'), { demoCatalogDir: null });
  const host = await startBrowserHost({ services, rendererDir, port: 0 });
  // The attacker's server: another process on this machine listening on another loopback port.
  let stolen = '';
  const evil = http.createServer((request, response) => {
    stolen += request.headers.cookie ?? '';
    response.end('<!doctype html><title>Cat pictures</title>');
  });
  await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(host.url); // the user opens the URL `stemroom serve` printed
    expect(new URL(page.url()).pathname).toMatch(/^\/s\/[A-Za-z0-9_-]{24}\/$/);
    await page.goto(`http://127.0.0.1:${(evil.address() as AddressInfo).port}/`); // …and later any page on another local port
    expect(stolen).not.toContain(host.token);
    // What the attacker can do with it: a contract socket of their own (Origin and Host are just headers outside a browser).
    const socket = new WebSocket(`ws://127.0.0.1:${host.port}/ws`, { headers: { Origin: host.origin, Cookie: stolen } });
    const opened = await new Promise<boolean>((resolve) => {
      socket.once('open', () => resolve(true));
      socket.once('unexpected-response', () => resolve(false));
      socket.once('error', () => resolve(false));
    });
    socket.terminate();
    expect(opened).toBe(false);
  } finally {
    await browser.close();
    await host.close();
    evil.close();
    services.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
