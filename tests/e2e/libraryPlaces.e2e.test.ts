import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from './helpers/launchChromium';
import { openApp, type OpenApp } from './helpers/openApp';

/**
 * Finding things again: an ISRC as the app prints it finds its recording;
 * look-alike exports, versions and projects can be told apart; simulated
 * plays say they are demo data; a moment opened from Analytics is on screen.
 */

const bin = path.resolve('bin/stemroom.js');
const cli = (args: string[]) => {
  const result = spawnSync(process.execPath, [bin, ...args, '--json'], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout);
};

let app: OpenApp;
let page: Page;
let errors: string[];
let projectId: string;
let simulated: string;
let other: string;

beforeAll(async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stemroom-e2e-places-'));
  const d = ['--data-dir', dataDir];
  cli(['settings', '--creator', 'E2E Places', ...d]);
  projectId = cli(['project', 'create', '--recording', 'emb-r-glass-orchard', '--kind', 'remix', ...d]).id;
  simulated = cli(['export', projectId, '--out', path.join(dataDir, 'orchard.wav'), '--bit-depth', '16', ...d]).exportId;
  other = cli(['export', projectId, '--out', path.join(dataDir, 'orchard.flac'), '--format', 'flac', ...d]).exportId;
  cli(['analytics', 'simulate', simulated, '--plays', '3000', '--seed', '7', ...d]);
  const file = path.join(dataDir, 'orchard.stemroom');
  cli(['project', 'export-file', projectId, '--out', file, ...d]);
  cli(['project', 'import', file, ...d]);
  app = await openApp(dataDir, { viewport: { width: 1280, height: 720 } });
  ({ page, errors } = app);
}, 180_000);

afterAll(() => app?.close());

it('finds a recording by its ISRC as the app prints it', async () => {
  const search = page.getByRole('searchbox');
  for (const text of ['ZZ-SLT-25-00203', 'zz-slt-25-00203', 'ZZSLT2500203', 'ZZ-SLT-25']) {
    await search.fill(text);
    await expect.poll(() => page.getByTestId('result-count').textContent()).toBe('1 recording');
    await expect.poll(() => page.getByTestId('recording-row').first().textContent()).toMatch(/Night Ferry/);
  }
  await screenshot(page, 'catalog-isrc-search');
  await search.fill('');
  await expect.poll(() => page.getByTestId('result-count').textContent()).toBe('3 recordings');
});

it('the recording pane starts at the top when another recording is picked', async () => {
  const pane = page.getByRole('region', { name: 'Recording' });
  await page.getByRole('searchbox').fill('');
  await page.getByRole('option', { name: /Copper Sky/ }).click();
  await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Copper Sky' }).count()).toBe(1);
  await pane.evaluate((element) => element.scrollTo(0, element.scrollHeight));
  expect(await pane.evaluate((element) => element.scrollTop)).toBeGreaterThan(100);
  await page.getByRole('option', { name: /Glass Orchard/ }).click();
  await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Glass Orchard' }).count()).toBe(1);
  expect(await pane.evaluate((element) => element.scrollTop)).toBe(0);
});

it('projects with one name are told apart: an imported one says so, with its dates', async () => {
  await page.goto(`${app.serve.url}#/studio`);
  const rows = page.locator('.project-row');
  await expect.poll(() => rows.count()).toBe(2);
  const texts = await rows.allTextContents();
  expect(texts.every((t) => t.includes('Glass Orchard (Remix)'))).toBe(true);
  expect(texts.filter((t) => /imported from orchard\.stemroom/.test(t))).toHaveLength(1);
  expect(texts.every((t) => /created /.test(t))).toBe(true);
  await screenshot(page, 'projects-told-apart');
});

it('exports and their analytics rows and versions show format and date', async () => {
  await page.goto(`${app.serve.url}#/exports`);
  const exportRows = page.locator('.export-row');
  await expect.poll(() => exportRows.count()).toBe(2);
  const exportTexts = await exportRows.allTextContents();
  expect(exportTexts.some((t) => /WAV/.test(t))).toBe(true);
  expect(exportTexts.some((t) => /FLAC/.test(t))).toBe(true);

  await page.goto(`${app.serve.url}#/analytics/${simulated}`);
  const rows = page.getByRole('complementary', { name: 'Exports with plays' }).locator('.export-row');
  await expect.poll(() => rows.count()).toBe(2);
  const texts = await rows.allTextContents();
  expect(texts.some((t) => /Glass Orchard \(Remix\).*WAV/.test(t))).toBe(true);
  expect(texts.some((t) => /Glass Orchard \(Remix\).*FLAC/.test(t))).toBe(true);
  // The comparison table (the dashboard has others: segments, flags).
  const versions = page.getByRole('region', { name: 'Compared' }).getByRole('table');
  await expect.poll(() => versions.count()).toBe(1);
  const names = await versions.getByRole('rowheader').allTextContents();
  expect(names[0]).toMatch(/WAV.*\(this\)/);
  expect(names[1]).toMatch(/FLAC/);
  await screenshot(page, 'analytics-versions-told-apart');
});

it('simulated plays are marked as demo data on the dashboard', async () => {
  const demo = page.getByTestId('demo-data');
  await expect.poll(() => demo.count()).toBe(1);
  expect(await demo.textContent()).toMatch(/Demo data: 3,000 of these plays were simulated/);
  await screenshot(page, 'analytics-demo-data');
  await page.goto(`${app.serve.url}#/analytics/${other}`);
  // The other export's dashboard is up once its comparison names it as "this".
  await expect
    .poll(() => page.getByRole('region', { name: 'Compared' }).getByRole('table').getByRole('rowheader').first().textContent())
    .toMatch(/FLAC.*\(this\)/);
  expect(await demo.count()).toBe(0);
});

it('"Open in studio at m:ss" shows the playhead on screen', async () => {
  // Beat 64 of the 100 BPM remix: 0:38, past the right edge of the arrangement at this window size.
  await page.goto(`${app.serve.url}#/studio/${projectId}?beat=64`);
  await expect.poll(() => page.getByTestId('position').textContent(), { timeout: 30_000 }).toMatch(/^17\.1\.1/);
  await expect.poll(() => page.getByRole('status').filter({ hasText: 'Preparing audio' }).count(), { timeout: 60_000 }).toBe(0);
  const inView = () =>
    page.evaluate(() => {
      const playhead = document.querySelector('.playhead')!.getBoundingClientRect();
      const lanes = document.querySelector('[data-testid="timeline"]')!.getBoundingClientRect();
      const headers = document.querySelector('.track-headers')!.getBoundingClientRect();
      return playhead.left >= headers.right && playhead.left <= lanes.right;
    });
  await expect.poll(inView).toBe(true);
  await screenshot(page, 'studio-opened-at-moment');
  expect(errors).toEqual([]);
});
