import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startServe, type RunningServe } from './helpers/startServe';
import { collectPageErrors, launchChromium, screenshot } from './helpers/launchChromium';
import { ContractSocket } from './helpers/contractSocket';

/**
 * First start of a new library with the real-size demo song (Lantern
 * Harbour: 10 stems × 3:29 at 44.1 kHz): the studio opens at once with the
 * small demos, the status bar shows the big one being imported, then the
 * catalog lists it — its stems decoded once, into the PCM cache, which the
 * media route serves in byte ranges.
 */
let serve: RunningServe;
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  serve = await startServe(fs.mkdtempSync(path.join(os.tmpdir(), 'stemroom-e2e-demo-')), [], { largeDemo: true });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  errors = collectPageErrors(page);
  await page.goto(serve.url);
});

afterAll(async () => {
  await browser?.close();
  await serve?.stop();
  fs.rmSync(serve.dataDir, { recursive: true, force: true });
});

it('shows the real-size demo song being imported in the status bar, then lists it in the catalog', async () => {
  await page.getByRole('option', { name: /Glass Orchard/ }).waitFor();
  const importing = page.getByTestId('background-demo-catalog');
  await expect.poll(() => importing.count(), { timeout: 60_000 }).toBe(1);
  await expect.poll(() => importing.textContent()).toMatch(/Importing demo song 1 of 1/);
  await screenshot(page, 'real-size-demo-importing');
  await expect.poll(() => page.getByRole('option', { name: /Lantern Harbour/ }).count(), { timeout: 120_000 }).toBe(1);
  await expect.poll(() => importing.count()).toBe(0);
  await page.getByRole('option', { name: /Lantern Harbour/ }).click();
  await screenshot(page, 'real-size-demo-in-catalog');
  expect(errors).toEqual([]);
});

it('serves each stem\'s PCM cache in byte ranges: 44.1 kHz, 3:29, ten stems', async () => {
  const socket = await ContractSocket.connect(serve.url);
  try {
    const recording = await socket.call('catalog.recording', { id: 'tdw-r-lantern-harbour' });
    expect(recording.stems).toHaveLength(10);
    const { origin, searchParams } = new URL(serve.url);
    for (const stem of recording.stems) {
      const response = await fetch(`${origin}/pcm/${stem.sha256}?token=${searchParams.get('token')}`, { headers: { Range: 'bytes=0-63' } });
      expect(response.status).toBe(206);
      const header = new DataView(await response.arrayBuffer());
      expect(header.getUint32(12, true)).toBe(44100);
      expect(header.getUint32(16, true)).toBe(2);
      expect(header.getFloat64(24, true) / 44100).toBeCloseTo(208.7, 1);
      expect(response.headers.get('content-range')).toMatch(/^bytes 0-63\/\d+$/);
    }
  } finally {
    socket.close();
  }
});
