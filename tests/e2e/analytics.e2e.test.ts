import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from './helpers/launchChromium';
import { waveformInk } from './helpers/waveformInk';
import { seededRandom } from '../../engine/common/dsp/seededRandom';
import { openApp, type OpenApp } from './helpers/openApp';

const bin = path.resolve('bin/stemroom.js');
const cli = (args: string[]) => JSON.parse(spawnSync(process.execPath, [bin, ...args, '--json'], { encoding: 'utf8' }).stdout);

let app: OpenApp;
let page: Page;
let errors: string[];
let playsFile: string;
let spotifyFile: string;
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
    const msPlayed =
      u < 0.15 ? Math.floor(random() * 9000) : u < 0.35 ? 12_000 + Math.floor(random() * 1500) : u < 0.5 ? 25_000 + Math.floor(random() * 1500) : 38_500;
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
  // A fan's Spotify history without usernames (as current exports are): 24 plays in 2 hours across midnight UTC.
  const midnight = Date.parse('2026-11-20T00:00:00Z');
  const history = Array.from({ length: 24 }, (_, i) => ({
    ts: new Date(midnight - 3_600_000 + i * 300_000 + 38_000).toISOString().replace(/\.\d+Z$/, 'Z'),
    ms_played: 38_000,
    conn_country: 'SE',
    master_metadata_track_name: project.name,
    master_metadata_album_artist_name: 'DJ Lantern',
    reason_end: 'trackdone',
  }));
  spotifyFile = path.join(dataDir, 'Streaming_History_Audio_2026.json');
  fs.writeFileSync(spotifyFile, JSON.stringify(history));
  app = await openApp(dataDir, { viewport: { width: 1600, height: 1000 }, at: `#/analytics` });
  ({ page, errors } = app);
}, 120_000);

afterAll(() => app?.close());

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

it('asks whose a Spotify history is, flags plays with the rule that caught them, and shows the figures both ways once a flag is disputed', async () => {
  await page.goto(`${app.serve.url}#/analytics/${exportId}`);
  await page.getByLabel('Play log to import').setInputFiles(spotifyFile);
  const dialog = page.getByRole('dialog', { name: /Whose history is/ });
  await dialog.getByLabel(/A listener I name/).check();
  await dialog.getByLabel('Listener name').fill('fan-one');
  await dialog.getByRole('button', { name: 'Import' }).click();
  const result = page.getByRole('region', { name: 'Import result' });
  await expect.poll(() => result.textContent(), { timeout: 30_000 }).toMatch(/24 plays added[\s\S]*Listener: "fan-one"/);

  const flags = page.getByRole('region', { name: /plays look artificial/ });
  await expect.poll(() => flags.textContent()).toMatch(/one listener played it 20 or more times within 24 hours/);
  await expect.poll(() => page.getByTestId('segment-repeat-rate').textContent()).toMatch(/^\d+\.\d %$/);
  const dispute = flags.getByRole('button', { name: /^Dispute: 24 plays/ });
  await dispute.click();
  await expect.poll(() => flags.getByRole('button', { name: /^Withdraw dispute: 24 plays/ }).getAttribute('aria-pressed')).toBe('true');
  await page.getByLabel(/Exclude artificial-looking plays/).check();
  const bothWays = page.getByRole('table', { name: 'Figures both ways' });
  await expect.poll(() => bothWays.textContent()).toMatch(/counted \(as shown\)6,024[\s\S]*left out6,000/);
  await expect.poll(() => page.getByTestId('headline-plays').textContent()).toBe('6,024');
  await flags.scrollIntoViewIfNeeded();
  await screenshot(page, 'analytics-flags-disputed');
  await page.getByLabel(/Exclude artificial-looking plays/).uncheck();
  expect(errors).toEqual([]);
});

it('"Try a fix" opens the studio at that moment on a new revision; the fixed version\u2019s retention there shows beside the original\u2019s', async () => {
  await page.goto(`${app.serve.url}#/analytics/${exportId}`);
  await page.getByRole('button', { name: 'Try a fix at 0:12' }).click();
  await expect.poll(() => page.getByTestId('position').textContent(), { timeout: 30_000 }).toMatch(/0:12/);
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: /Export/ });
  await dialog.getByLabel('Title').fill('Remix (fixed)');
  await expect.poll(() => dialog.getByRole('button', { name: 'Export', exact: true }).isEnabled(), { timeout: 30_000 }).toBe(true);
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const finished = dialog.getByRole('region', { name: 'Export finished' });
  await expect.poll(() => finished.count(), { timeout: 120_000 }).toBe(1);
  await finished.getByRole('button', { name: 'Open in Exports' }).click();
  await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#\/exports\/[0-9a-f-]{36}$/);
  const fixedId = (await page.evaluate(() => location.hash)).split('/').pop()!;

  // 60 plays of the fixed version, 5 of them leaving at 0:12: fewer than 100, so its own drop-offs are not significant.
  const fixedPlays = path.join(app.serve.dataDir, 'fixed.ndjson');
  fs.writeFileSync(
    fixedPlays,
    Array.from({ length: 60 }, (_, i) =>
      JSON.stringify({
        export_id: fixedId,
        listener_id: `new-fan-${i}`,
        played_at: new Date(Date.parse('2026-11-25T10:00:00Z') + i * 61_000).toISOString(),
        ms_played: i % 12 === 0 ? 12_500 : 38_500,
        reason_end: i % 12 === 0 ? 'fwdbtn' : 'trackdone',
      }),
    ).join('\n'),
  );
  await page.goto(`${app.serve.url}#/analytics/${fixedId}`);
  await page.getByLabel('Play log to import').setInputFiles(fixedPlays);
  await expect.poll(() => page.getByRole('region', { name: 'Import result' }).textContent(), { timeout: 30_000 }).toMatch(/60 plays added/);
  await expect.poll(() => page.getByRole('list', { name: 'Drop-off moments' }).textContent()).toMatch(/0:12[\s\S]*not significant/);
  await screenshot(page, 'analytics-not-significant');

  await page.goto(`${app.serve.url}#/analytics/${exportId}`);
  const atFix = page.getByRole('table', { name: 'Versions at 0:12' });
  await expect.poll(() => atFix.getByRole('row').count(), { timeout: 30_000 }).toBe(3);
  expect(await atFix.textContent()).toMatch(/a fix tried from revision \d+[\s\S]*Remix \(fixed\)[\s\S]*with the fix[\s\S]*60/);
  await atFix.scrollIntoViewIfNeeded();
  await screenshot(page, 'analytics-versions-at-fix');
  expect(errors).toEqual([]);
});
