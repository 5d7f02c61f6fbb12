import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { screenshot } from './helpers/launchChromium';
import { openApp, type OpenApp } from './helpers/openApp';

let app: OpenApp;
let page: Page;
let errors: string[];

beforeAll(async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stemroom-e2e-shell-'));
  app = await openApp(dataDir, { viewport: { width: 1280, height: 800 }, at: null });
  ({ page, errors } = app);
});

afterAll(() => app?.close());

it('opens the studio in Chromium with facts from SQLite in the status bar', async () => {
  await page.goto(app.serve.url);
  expect(new URL(page.url()).search).toBe(''); // token traded for the cookie
  await expect.poll(() => page.getByTestId('library-path').textContent()).toBe(app.serve.dataDir);
  const schema = await page.getByTestId('schema-version').textContent();
  const stored = (await import('../../main/db/migrations')).latestSchemaVersion;
  expect(schema).toBe(`schema ${stored}`);
});

it('reaches all four places by keyboard', async () => {
  // The Catalog is up once it has focused its search box; shortcuts pressed before the app is mounted go nowhere.
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
  for (const [key, place] of [
    ['2', 'Studio'],
    ['3', 'Exports'],
    ['4', 'Analytics'],
    ['1', 'Catalog'],
  ] as const) {
    await page.keyboard.press(`Control+${key}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).first().textContent()).toContain(place);
    expect(await page.getByRole('link', { name: place }).getAttribute('aria-current')).toBe('page');
  }
  // The Catalog focuses its search box; from there, Shift+Tab walks back to the navigation, and Enter follows a link.
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role') ?? document.activeElement?.getAttribute('type'))).toBe('search');
  const places = ['Catalog', 'Studio', 'Exports', 'Analytics'];
  let focused: string | null | undefined = null;
  for (let presses = 0; presses < 10 && !places.includes(focused ?? ''); presses++) {
    await page.keyboard.press('Shift+Tab');
    focused = await page.evaluate(() => (document.activeElement?.tagName === 'A' ? document.activeElement.textContent : null));
  }
  expect(places).toContain(focused);
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByRole('heading', { level: 1 }).first().textContent()).toContain(focused!);
  await page.keyboard.press('Control+1');
  await screenshot(page, 'shell-catalog');
  expect(errors).toEqual([]);
});
