import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { collectPageErrors, launchChromium } from './helpers/launchChromium';

/**
 * `npm start` where Electron is not installed: the studio runs in the
 * browser host and its URL goes to the platform's opener (xdg-open here) —
 * or, with no opener, it says so and which URL to open. The opener on PATH
 * is a stand-in that records what it was asked to open; Chromium then
 * opens exactly that URL.
 */

const electronInstalled = (() => {
  try {
    createRequire(import.meta.url).resolve('electron');
    return true;
  } catch {
    return false;
  }
})();

const running: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(async () => {
  // Stopped and gone before its library is removed (the host may still be writing it).
  await Promise.all(
    running
      .splice(0)
      .map((child) =>
        child.exitCode !== null || child.signalCode !== null ? undefined : new Promise((done) => (child.once('exit', done), child.kill('SIGTERM'))),
      ),
  );
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs `node scripts/start.mjs --port 0` with PATH holding only `bin` (node runs by its full path); resolves once `until` matches its output. */
function start(bin: string, until: RegExp): Promise<{ output: string; child: ChildProcess }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stemroom-e2e-start-'));
  dirs.push(dataDir);
  const child = spawn(process.execPath, ['scripts/start.mjs', '--port', '0'], {
    env: { ...process.env, PATH: bin, STEMROOM_DATA_DIR: dataDir, STEMROOM_DEMO_CATALOG: 'small' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start did not say ${until}: ${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk;
      if (until.test(output)) {
        clearTimeout(timer);
        resolve({ output, child });
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (!until.test(output)) reject(new Error(`npm start exited with ${code}: ${output}`));
    });
  });
}

it.skipIf(electronInstalled)('opens the studio in the browser through xdg-open', async () => {
  const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'stemroom-e2e-opener-'));
  dirs.push(bin);
  const asked = path.join(bin, 'asked.txt');
  fs.writeFileSync(path.join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s' "$1" > '${asked}'\n`, { mode: 0o755 });
  const { output } = await start(bin, /Opened the studio in your browser\./);
  expect(output).toMatch(/Electron is not installed on this machine/);
  const url = fs.readFileSync(asked, 'utf8');
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+$/);
  expect(output).toContain(url);

  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    await page.goto(url);
    await expect.poll(() => page.getByTestId('result-count').textContent(), { timeout: 30_000 }).toBe('3 recordings');
    expect(errors).toEqual([]);
  } finally {
    await browser.close();
  }
});

it.skipIf(electronInstalled)('says so, and which URL to open, where no browser can be opened', async () => {
  const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'stemroom-e2e-no-opener-'));
  dirs.push(bin);
  const { output } = await start(bin, /Could not open a browser/);
  expect(output).toMatch(/Could not open a browser \(xdg-open is not installed\): open the URL above yourself\./);
  expect(output).toMatch(/http:\/\/127\.0\.0\.1:\d+\/\?token=/);
  expect(output).not.toMatch(/Opened the studio/);
});
