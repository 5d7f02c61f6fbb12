import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from './helpers/launchChromium';
import { writePackage } from '../fixtures/writePackage';
import { zipBytes } from '../helpers/writeZip';
import { waveformInk } from './helpers/waveformInk';
import { openApp, type OpenApp } from './helpers/openApp';

let app: OpenApp;
let page: Page;
let errors: string[];
let zipPath: string;

beforeAll(async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stemroom-e2e-catalog-'));
  const pkg = fs.mkdtempSync(path.join(os.tmpdir(), 'stemroom-e2e-pkg-'));
  writePackage(pkg, (m) => {
    m.recordings[0]!.title = 'Lantern Waltz';
    m.licences![0]!.stemRules = [{ stem: 's-vox', rule: 'not-usable' }];
  });
  zipPath = path.join(pkg, '..', `lantern-waltz-${process.pid}.zip`);
  fs.writeFileSync(
    zipPath,
    zipBytes(['manifest.json', 'stems/drums.wav', 'stems/bass.wav', 'stems/vox.wav'].map((name) => ({ name, data: fs.readFileSync(path.join(pkg, name)) }))),
  );
  app = await openApp(dataDir, { viewport: { width: 1440, height: 900 } });
  ({ page, errors } = app);
});

afterAll(() => app?.close());

it('shows the demo catalog on first start, with licence reasons on disabled buttons', async () => {
  await expect.poll(() => page.getByTestId('result-count').textContent()).toBe('3 recordings');
  await page.getByRole('option', { name: /Night Ferry/ }).click();
  await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Night Ferry' }).count()).toBe(1);
  expect(await page.getByRole('button', { name: 'Start remix' }).isDisabled()).toBe(true);
  expect(await page.getByTestId('remix-reason').textContent()).toMatch(/Licence SLT-M-0203 expired on 30 Jun 2026/);
  expect(await page.getByRole('button', { name: 'Start cover' }).isEnabled()).toBe(true);
  await screenshot(page, 'catalog-night-ferry');
});

it('imports a package through the app, finds it by search, reads credits and licence summary, previews a stem and sees its waveform', async () => {
  await page.getByTestId('package-file').setInputFiles(zipPath);
  await expect.poll(() => page.getByTestId('status-notice').textContent(), { timeout: 30_000 }).toMatch(/Imported "Test Package"/);
  await page.getByRole('searchbox').fill('lantern waltz');
  await expect.poll(() => page.getByTestId('result-count').textContent()).toBe('1 recording');
  await page.getByRole('option', { name: /Lantern Waltz/ }).click();
  await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Lantern Waltz' }).count()).toBe(1);

  const credits = page.getByRole('region', { name: 'Credits' });
  await expect.poll(() => credits.textContent()).toMatch(/Ada Writer.*composer.*60 %/);
  expect(await credits.textContent()).toMatch(/ISWC T-034\.524\.680-1/);
  expect(await credits.textContent()).toMatch(/Test Records.*100 %/);
  const licences = page.getByRole('region', { name: /Licences/ });
  expect(await licences.textContent()).toMatch(/Remix and cover allowed worldwide until 31 Dec 2027\. The stem "Lead vocal" may not be used\./);

  // Waveforms are drawn from cached peaks: each stem row holds a canvas with ink on it.
  const waveform = page.getByRole('slider', { name: 'Waveform of Bass' });
  await expect.poll(() => waveformInk(waveform)).toBeGreaterThan(1000);

  await page.getByRole('button', { name: 'Solo Bass' }).click();
  await page.getByRole('button', { name: 'Play preview' }).click();
  await expect.poll(() => page.getByTestId('preview-position').textContent(), { timeout: 10_000 }).toMatch(/^0:01/);
  expect(await page.getByRole('button', { name: 'Solo Bass' }).getAttribute('aria-pressed')).toBe('true');
  await screenshot(page, 'catalog-imported-preview');
  await page.getByRole('button', { name: 'Pause preview' }).click();
  expect(errors).toEqual([]);
});

it('explains a refused package in the app and imports nothing', async () => {
  const bad = path.join(path.dirname(zipPath), `bad-${process.pid}.zip`);
  fs.writeFileSync(bad, zipBytes([{ name: 'manifest.json', data: Buffer.from('{"format": "stemroom-catalog/7"}') }]));
  await page.getByTestId('package-file').setInputFiles(bad);
  await expect.poll(() => page.getByRole('alert').first().textContent(), { timeout: 30_000 }).toMatch(/The package was not imported/);
  expect(await page.getByRole('alert').first().textContent()).toMatch(/unknown format "stemroom-catalog\/7"/);
  await page.getByRole('searchbox').fill('');
  await expect.poll(() => page.getByTestId('result-count').textContent()).toBe('4 recordings');
});
