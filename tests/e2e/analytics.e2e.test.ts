import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startServe, type RunningServe } from './helpers/startServe';
import { collectPageErrors, launchChromium, screenshot } from './helpers/launchChromium';
import { waveformInk } from './helpers/waveformInk';
import { seededRandom } from '../../engine/common/dsp/seededRandom';

const bin = path.resolve('bin/stemroom.js');
const cli = (args: string[]) => JSON.parse(spawnSync(process.execPath, [bin, ...args, '--json'], { encoding: 'utf8' }).stdout);

let serve: RunningServe;
let browser: Browser;
let page: Page;
let errors: string[];
let playsFile: string;
let exportId: string;

beforeAll(async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stemroom-e2e-analytics-'));
  cli(['settings', '--creator', 'DJ Lantern', '--data-dir', dataDir]);
  const project = cli(['project', 'create', '--recording', 'emb-r-glass-orchard', '--kind', 'remix', '--data-dir', dataDir]);
  const exported = cli(['export', project.id, '--out', path.join(dataDir, 'remix.flac'), '--data-dir', dataDir]);
  exportId = exported.exportId;
  // 6,000 plays of the 38 s remix: early skips, a crowd leaving at 0:12 and another at 0:25, the rest to the end.
  const random = seededRandom(5);
  const lines: string[] = [];
  const start = Date.parse('2026-11-10T00:00:00Z');
  for (let i = 0; i < 6000; i++) {
    const u = random();
    const msPlayed = u < 0.15 ? Math.floor(random() * 9000) : u < 0.35 ? 12_000 + Math.floor(random() * 1500) : u < 0.5 ? 25_000 + Math.floor(random() * 1500) : 38_500;
    lines.push(
      JSON.stringify({
        export_id: exportId,
        listener_id: `fan-${Math.floor(random() * 2500)}`,
        played_at: new Date(start + Math.floor(random() * 14 * 86_400_000)).toISOString(),
        country: ['US', 'GB', 'DE', 'SE', 'BR'][Math.floor(random() * 5)],
        source: ['playlist', 'search', 'profile', 'radio'][Math.floor(random() * 4)],
        ms_played: msPlayed,
        reason_end: msPlayed >= 38_000 ? 'trackdone' : 'fwdbtn',
      }),
    );
  }
  lines.splice(10, 0, '{"export_id": "not-closed"');
  playsFile = path.join(dataDir, 'plays.ndjson');
  fs.writeFileSync(playsFile, lines.join('\n'));
  serve = await startServe(dataDir);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  errors = collectPageErrors(page);
  await page.goto(`${serve.url}#/analytics`);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await serve?.stop();
  fs.rmSync(serve.dataDir, { recursive: true, force: true });
});

it('imports a play log, then shows the retention curve over the waveform with its drop-off moments', async () => {
  await page.getByLabel('Play log to import').setInputFiles(playsFile);
  const result = page.getByRole('region', { name: 'Import result' });
  await expect.poll(() => result.count(), { timeout: 30_000 }).toBe(1);
  expect(await result.textContent()).toMatch(/6,000 plays added/);
  expect(await result.textContent()).toMatch(/1 malformed/);
  await expect.poll(() => page.getByTestId('headline-plays').textContent()).toBe('6,000');
  await expect.poll(() => waveformInk(page.getByRole('img', { name: 'Waveform of the export' }))).toBeGreaterThan(2000);
  await expect.poll(() => page.getByTestId('drop-off-marker').count()).toBeGreaterThanOrEqual(2);
  const moments = await page.getByRole('list', { name: 'Drop-off moments' }).textContent();
  expect(moments).toMatch(/0:12/);
  expect(moments).toMatch(/0:25/);
  const points = await page.getByTestId('retention-curve').locator('polyline').first().getAttribute('points');
  expect(points!.split(' ').length).toBe(39);
  await screenshot(page, 'analytics-dashboard');
  expect(errors).toEqual([]);
});

it('"Open in studio" opens the project with the playhead at that moment', async () => {
  await page.getByRole('link', { name: 'Open in studio at 0:12' }).click();
  await expect.poll(() => page.getByTestId('position').textContent(), { timeout: 30_000 }).toMatch(/0:12/);
  expect(errors).toEqual([]);
});
