import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from './helpers/launchChromium';
import { openApp, type OpenApp } from './helpers/openApp';

let app: OpenApp;
let page: Page;
let errors: string[];

beforeAll(async () => {
  app = await openApp(fs.mkdtempSync(path.join(os.tmpdir(), 'stemroom-e2e-command-')), { viewport: { width: 1500, height: 950 } });
  ({ page, errors } = app);
});

afterAll(() => app?.close());

const vocal = () => page.locator('[data-testid="clip"][aria-label^="Clip Lead vocal "]');
const bar = () => page.getByRole('dialog', { name: 'Say it in English' });
const readings = () => page.getByRole('option').filter({ has: page.locator('.command-description') });

it('says it in English: Ctrl+K, type, preview readings as ghosts, Enter applies one undo step named by the sentence, Ctrl+Z undoes it', async () => {
  await page.getByRole('option', { name: /Glass Orchard/ }).click();
  await page.getByRole('button', { name: 'Start remix' }).click();
  await expect.poll(() => page.getByTestId('track-header').count()).toBe(5);

  // Escape closes without a trace, and focus goes back where it was.
  const name = page.getByRole('textbox', { name: 'Project name' });
  await name.focus();
  await page.keyboard.press('Control+k');
  await expect.poll(() => bar().count()).toBe(1);
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Say what to change');
  await page.keyboard.press('Escape');
  await expect.poll(() => bar().count()).toBe(0);
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Project name');

  // "/" opens it when focus is not in a text field; readings update as the sentence grows.
  await page.getByTestId('timeline').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('/');
  const input = page.getByRole('combobox', { name: 'Say what to change' });
  await input.pressSequentially('mute the vocals');
  await expect.poll(() => readings().first().textContent()).toContain('Mute Lead vocal');
  await input.pressSequentially(' in the chorus');
  await expect.poll(() => readings().count()).toBeGreaterThanOrEqual(3);
  await expect.poll(() => readings().first().textContent()).toContain('Mute Lead vocal in the Chorus (bars 9–14) (splits its clip at bars 9 and 15)');
  expect(await readings().first().getAttribute('aria-selected')).toBe('true');
  expect(await input.getAttribute('aria-activedescendant')).toBe('command-candidate-0');

  // The highlighted reading is drawn over the timeline, nothing written: the vocal is still one clip.
  await expect.poll(() => page.locator('[data-testid="ghost-clip"][data-ghost="silenced"]').count()).toBe(1);
  expect(await vocal().count()).toBe(1);
  await screenshot(page, 'command-bar-preview-1');

  // Arrow down: the next reading is highlighted and previewed instead (deleting that part).
  await page.keyboard.press('ArrowDown');
  expect(await readings().nth(1).getAttribute('aria-selected')).toBe('true');
  await expect.poll(() => readings().nth(1).textContent()).toContain("Delete Lead vocal's audio in the Chorus");
  await expect.poll(() => page.locator('[data-testid="ghost-clip"][data-ghost="removed"]').count()).toBe(1);
  await screenshot(page, 'command-bar-preview-2');
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => page.locator('[data-testid="ghost-clip"][data-ghost="silenced"]').count()).toBe(1);

  // Enter: applied as ordinary edits — the clip split at bars 9 and 15, the middle piece off.
  await page.keyboard.press('Enter');
  await expect.poll(() => bar().count()).toBe(0);
  await expect.poll(() => vocal().count()).toBe(3);
  await expect.poll(() => page.locator('[data-testid="clip"][aria-label^="Clip Lead vocal at beat 32 "]').getAttribute('aria-label')).toContain('not heard');
  expect(await page.locator('[data-testid="ghost-clip"]').count()).toBe(0);
  await expect.poll(() => page.getByRole('button', { name: 'Undo mute the vocals in the chorus' }).isEnabled()).toBe(true);
  await page.getByRole('button', { name: 'History' }).click();
  await expect.poll(() => page.getByRole('dialog', { name: /^History/ }).textContent(), { timeout: 10_000 }).toContain('mute the vocals in the chorus');
  await screenshot(page, 'command-bar-applied');

  // One undo step takes all of it back.
  await page.keyboard.press('Escape');
  await page.getByTestId('timeline').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect.poll(() => vocal().count()).toBe(1);
  expect(await vocal().getAttribute('aria-label')).not.toContain('not heard');
  expect(errors).toEqual([]);
});
