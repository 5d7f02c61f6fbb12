import fs from 'node:fs';
import path from 'node:path';
import * as electron from 'electron';
import { beforeEach, describe, expect, it } from 'vitest';
import { app, ipcMain, ipcRenderer, resetElectronMock, state, type FakeFrame } from '../../tests/mocks/electron';
import { startDesktopApp } from './startDesktopApp';
import { channels, ipcChannelOf } from '../../shared/contract';
import { tempDir } from '../../tests/helpers/tempDir';

async function startApp(distMainDir = '/nonexistent/dist/main') {
  const dataDir = tempDir();
  const started = startDesktopApp(electron as never, { distMainDir, dataDir, services: { demoCatalogDir: null } });
  app.becomeReady();
  const services = await started;
  return { services, dataDir };
}

/** Every role in a menu template, submenus included. */
function menuRoles(menu: unknown): string[] {
  const walk = (items: readonly { role?: string; submenu?: unknown }[]): string[] =>
    items.flatMap((item) => [...(item.role ? [item.role] : []), ...(Array.isArray(item.submenu) ? walk(item.submenu) : [])]);
  return walk((menu as { template: { role?: string; submenu?: unknown }[] }).template);
}

describe('desktop app wiring (mocked electron)', () => {
  beforeEach(() => resetElectronMock());

  it('registers the stemroom scheme as privileged before the app is ready', async () => {
    const started = startDesktopApp(electron as never, { distMainDir: '/x', dataDir: tempDir(), services: { demoCatalogDir: null } });
    expect(state.privilegedSchemes).toEqual([
      { scheme: 'stemroom', privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }) },
    ]);
    app.becomeReady();
    (await started).close();
  });

  it('opens one isolated, sandboxed window without Node, on the custom protocol', async () => {
    const { services } = await startApp('/opt/stemroom/dist/main');
    expect(state.windows).toHaveLength(1);
    const [window] = state.windows;
    expect(window!.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      preload: path.join('/opt/stemroom/dist/main', 'preload.cjs'),
    });
    expect(window!.loadedUrl).toBe('stemroom://app/index.html');
    services.close();
  });

  it('exposes no developer tools in an installed app: no menu item, and DevTools disabled in the window', async () => {
    app.isPackaged = true;
    const { services } = await startApp();
    const roles = menuRoles(state.applicationMenu);
    expect(roles).not.toContain('toggleDevTools');
    expect(roles).not.toContain('reload');
    expect(roles).not.toContain('forceReload');
    // The stock View menu role would bring toggleDevTools back.
    expect(roles).not.toContain('viewMenu');
    expect(roles).toEqual(expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen', 'copy', 'paste']));
    expect(state.windows[0]!.options.webPreferences.devTools).toBe(false);
    services.close();
  });

  it('keeps DevTools and reload when run from a checkout (npm start)', async () => {
    app.isPackaged = false;
    const { services } = await startApp();
    expect(menuRoles(state.applicationMenu)).toEqual(expect.arrayContaining(['toggleDevTools', 'reload']));
    expect(state.windows[0]!.options.webPreferences.devTools).toBe(true);
    services.close();
  });

  it('registers exactly one IPC handler per contract channel', async () => {
    const { services } = await startApp();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(channels.map(ipcChannelOf).sort());
    services.close();
  });

  it.each<[string, FakeFrame | null]>([
    ['another origin', { url: 'https://evil.example/', parent: null }],
    ['a file: page', { url: 'file:///tmp/page.html', parent: null }],
    ['an iframe inside the app', { url: 'stemroom://app/index.html', parent: { url: 'stemroom://app/index.html', parent: null } }],
    ['another host of our scheme', { url: 'stemroom://elsewhere/index.html', parent: null }],
    ['a destroyed frame', null],
  ])('refuses IPC from %s', async (_name, frame) => {
    const { services } = await startApp();
    state.senderFrame = frame;
    const result = await ipcRenderer.invoke(ipcChannelOf('library.info'), {});
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    services.close();
  });

  it('answers IPC from the app frame through the validating dispatcher', async () => {
    const { services, dataDir } = await startApp();
    expect(await ipcRenderer.invoke(ipcChannelOf('library.info'), {})).toMatchObject({ ok: true, value: { dataDir, host: 'electron' } });
    expect(await ipcRenderer.invoke(ipcChannelOf('library.info'), 'not an object')).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    services.close();
  });

  it('denies navigation away from the app, new windows and webviews', async () => {
    const { services } = await startApp();
    const contents = state.windows[0]!.webContents;
    const navigate = (url: string) => {
      let prevented = false;
      contents.emit('will-navigate', { preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(navigate('https://evil.example/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate('stemroom://app/index.html#/studio')).toBe(false);
    expect(contents.windowOpenHandler!({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    let webviewPrevented = false;
    contents.emit('will-attach-webview', { preventDefault: () => (webviewPrevented = true) });
    expect(webviewPrevented).toBe(true);
    services.close();
  });

  it('grants only microphone access, and only to the app origin', async () => {
    const { services } = await startApp();
    const ask = (permission: string, requestingUrl: string, mediaTypes?: string[]) =>
      new Promise<boolean>((resolve) => state.permissionRequestHandler!({}, permission, resolve, { requestingUrl, mediaTypes }));
    expect(await ask('media', 'stemroom://app/index.html', ['audio'])).toBe(true);
    expect(await ask('media', 'stemroom://app/index.html', ['video'])).toBe(false);
    expect(await ask('media', 'https://evil.example/', ['audio'])).toBe(false);
    expect(await ask('notifications', 'stemroom://app/index.html')).toBe(false);
    expect(await ask('geolocation', 'stemroom://app/index.html')).toBe(false);
    expect(state.permissionCheckHandler!({}, 'media', 'stemroom://app')).toBe(true);
    expect(state.permissionCheckHandler!({}, 'media', 'https://evil.example')).toBe(false);
    services.close();
  });

  it('serves the renderer over the custom protocol with a strict CSP, and nothing outside it', async () => {
    const root = tempDir();
    fs.mkdirSync(path.join(root, 'dist', 'main'), { recursive: true });
    fs.mkdirSync(path.join(root, 'dist', 'renderer', 'assets'), { recursive: true });
    fs.writeFileSync(path.join(root, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Stemroom</title>');
    fs.writeFileSync(path.join(root, 'secret.txt'), 'not for the page');
    const { services } = await startApp(path.join(root, 'dist', 'main'));
    const handler = state.protocolHandlers.get('stemroom')!;
    const index = await handler(new Request('stemroom://app/index.html'));
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/text\/html/);
    const csp = index.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).toContain("object-src 'none'");
    expect(csp.split(/[\s;]+/)).not.toContain("'unsafe-eval'");
    expect(csp).not.toMatch(/https?:|\*/);
    // Cross-origin isolated, so the live engine streams through shared memory.
    expect([
      index.headers.get('cross-origin-opener-policy'),
      index.headers.get('cross-origin-embedder-policy'),
      index.headers.get('cross-origin-resource-policy'),
    ]).toEqual(['same-origin', 'require-corp', 'same-origin']);
    expect(csp).not.toContain('unsafe-inline');
    // Styles: our stylesheet, and <style> elements carrying this page's nonce (written into the page), fresh per response.
    const html = await index.text();
    expect(html).toContain('<title>Stemroom</title>');
    const nonce = /<meta name="stemroom-style-nonce" content="([^"]+)"/.exec(html)?.[1];
    expect(csp).toContain(`style-src 'self' 'nonce-${nonce}'`);
    const again = await handler(new Request('stemroom://app/index.html'));
    expect(again.headers.get('content-security-policy')).not.toContain(`'nonce-${nonce}'`);
    expect(Number(index.headers.get('content-length'))).toBe(Buffer.byteLength(html));
    expect((await handler(new Request('stemroom://app/../secret.txt'))).status).toBe(404);
    expect((await handler(new Request('stemroom://app/%2e%2e/secret.txt'))).status).toBe(404);
    expect((await handler(new Request('stemroom://app/..%2fsecret.txt'))).status).toBe(404);
    expect((await handler(new Request('stemroom://other/index.html'))).status).toBe(404);
    expect((await handler(new Request(`stemroom://app/media/${'0'.repeat(64)}`))).status).toBe(404);
    services.close();
  });

  it('forwards service events to every window over the one event channel', async () => {
    const { services } = await startApp();
    services.events.emit('library.changed', { area: 'projects' });
    expect(state.sent).toContainEqual({ channel: 'stemroom:event', args: ['library.changed', { area: 'projects' }] });
    services.close();
  });

  it('shows a readable error and quits when the library cannot be opened', async () => {
    const dataDir = tempDir();
    fs.writeFileSync(path.join(dataDir, 'library.sqlite'), 'garbage'.repeat(200));
    const started = startDesktopApp(electron as never, { distMainDir: '/x', dataDir, services: { demoCatalogDir: null } });
    app.becomeReady();
    await expect(started).rejects.toThrow(/not a Stemroom library/);
    expect(state.errorBoxes[0]?.content).toMatch(/not a Stemroom library/);
    expect(app.quitCalled).toBe(true);
  });
});
