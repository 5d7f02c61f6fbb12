import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from './helpers/launchChromium';
import { writePackage } from '../fixtures/writePackage';
import { openApp, type OpenApp } from './helpers/openApp';

/**
 * Stem rules that allow a stem but not every transformation of it
 * ("may not be pitch-shifted", "may not be time-stretched") are flagged
 * while editing, as forbidden stems are: on the track, on the clip, in the
 * title bar, after reopening, and by `stemroom project show` — with the
 * words the export refusal uses.
 */

const bin = path.resolve('bin/stemroom.js');
const run = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
const cli = (args: string[]) => JSON.parse(run([...args, '--json']).stdout);

let app: OpenApp;
let page: Page;
let errors: string[];
let projectId: string;

beforeAll(async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stemroom-e2e-rights-'));
  const pkg = fs.mkdtempSync(path.join(os.tmpdir(), 'stemroom-e2e-rules-'));
  writePackage(pkg, (m) => {
    m.recordings[0]!.title = 'Strict Song';
    m.licences![0]!.stemRules = [
      { stem: 's-drums', rule: 'not-usable' },
      { stem: 's-vox', rule: 'no-pitch-shift' },
      { stem: 's-bass', rule: 'no-time-stretch' },
    ];
  });
  expect(run(['catalog', 'import', pkg, '--data-dir', dataDir]).status).toBe(0);
  fs.rmSync(pkg, { recursive: true, force: true });
  cli(['settings', '--creator', 'E2E Rules', '--data-dir', dataDir]);
  projectId = cli(['project', 'create', '--recording', 'r-test', '--kind', 'remix', '--data-dir', dataDir]).id;
  app = await openApp(dataDir, { viewport: { width: 1400, height: 860 }, at: `#/studio/${projectId}` });
  ({ page, errors } = app);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="track-header"]').length === 3, null, { timeout: 30_000 });
}, 120_000);

afterAll(() => app?.close());

const header = (track: string) => page.getByRole('group', { name: `Track ${track}`, exact: true });
const note = (track: string) => header(track).getByRole('note');
const summary = () => page.getByTestId('rights-summary');
/** A track's whole warning (the header shows two lines of it; its text holds all of it). */
const warningOf = async (track: string) => (await note(track).textContent())!.replace(/^⚠\s*/, '');

it('a clip pitched against its licence is flagged at once, on its track, its clip and the title bar', async () => {
  // Only the forbidden drums are flagged before anything is changed.
  await expect.poll(() => page.getByRole('note').count()).toBe(1);
  expect(await note('Drums').count()).toBe(1);
  await page.locator('[data-testid="clip"][aria-label^="Clip Lead vocal "]').click({ position: { x: 30, y: 40 } });
  await page.getByRole('tab', { name: 'Clip' }).click();
  const pitch = page.getByRole('spinbutton', { name: 'Pitch (semitones)' });
  await pitch.fill('2');
  await pitch.press('Enter');
  await expect.poll(() => note('Lead vocal').count()).toBe(1);
  expect(await warningOf('Lead vocal')).toMatch(
    /^The stem "Lead vocal" of "Strict Song" may not be pitch-shifted \(licence L-M1\)\. Set its clips' pitch to 0/,
  );
  expect(await summary().textContent()).toMatch(/2 tracks use audio the licences do not allow here/);
  expect(await page.locator('[data-testid="clip"][aria-label^="Clip Lead vocal "]').getAttribute('aria-label')).toMatch(
    /not allowed: .*may not be pitch-shifted/,
  );
  expect(await note('Bass').count()).toBe(0);
});

it('a tempo change flags the stem that may not be time-stretched', async () => {
  const tempo = page.getByRole('spinbutton', { name: 'Tempo (BPM)' });
  await tempo.fill('126');
  await tempo.press('Enter');
  await expect.poll(() => note('Bass').count()).toBe(1);
  expect(await warningOf('Bass')).toMatch(/may not be time-stretched \(licence L-M1\)\. Set the tempo back to 120 BPM/);
  expect(await summary().textContent()).toMatch(/3 tracks use audio the licences do not allow here/);
  await screenshot(page, 'studio-stem-rule-flags');
});

it('the whole warning can be read from the 72 px track header', async () => {
  const warning = note('Drums');
  const full = await warningOf('Drums');
  expect(full).toMatch(/^Licence L-M1 does not allow the stem "Drums" to be used in remixes\. Mute or remove track "Drums"\.$/);
  await warning.hover();
  const tooltip = page.getByRole('tooltip');
  await expect.poll(() => tooltip.count()).toBe(1);
  expect(await tooltip.textContent()).toContain(full);
  const whole = await tooltip.evaluate((element) => {
    const r = element.getBoundingClientRect();
    const inView = r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
    // On screen, nothing cut off inside it, and drawn over the page (not inside a header that clips).
    return (
      inView && element.scrollHeight <= element.clientHeight + 1 && element.scrollWidth <= element.clientWidth + 1 && element.closest('.track-header') === null
    );
  });
  expect(whole).toBe(true);
  expect(await warning.getAttribute('aria-describedby')).toBe(await tooltip.getAttribute('id'));
  await screenshot(page, 'studio-licence-warning-tooltip');
  await page.mouse.move(5, 5);
});

it('the export dialog refuses with the same words', async () => {
  const leadNote = await warningOf('Lead vocal');
  await page.getByRole('button', { name: 'Export…' }).click();
  const refusal = page.getByRole('alert', { name: 'Export not allowed' });
  await expect.poll(() => refusal.count()).toBe(1);
  expect((await refusal.textContent())!.replace(/\s+/g, ' ')).toContain(leadNote.replace(/ Set its clips.*$/, ''));
  await page.getByRole('button', { name: 'Close export' }).click();
});

it('the flags are there after reopening the project, and muting a track clears its flag', async () => {
  await page.reload();
  await expect.poll(() => note('Lead vocal').count(), { timeout: 30_000 }).toBe(1);
  expect(await note('Bass').count()).toBe(1);
  await page.getByRole('button', { name: 'Mute Bass', exact: true }).click();
  await expect.poll(() => note('Bass').count()).toBe(0);
  await expect.poll(() => summary().textContent()).toMatch(/2 tracks use/);
  expect(errors).toEqual([]);
});

it('`stemroom project show` prints the same flags', async () => {
  await app.serve.stop();
  const shown = run(['project', 'show', projectId, '--data-dir', app.serve.dataDir]);
  expect(shown.status).toBe(0);
  expect(shown.stdout).toMatch(/licence flag on track "Lead vocal": The stem "Lead vocal" of "Strict Song" may not be pitch-shifted \(licence L-M1\)/);
  expect(shown.stdout).not.toMatch(/licence flag on track "Bass"/); // muted: not heard, not flagged
  const json = cli(['project', 'show', projectId, '--data-dir', app.serve.dataDir]);
  expect(json.flags).toEqual([expect.objectContaining({ code: 'no-pitch-shift', trackIds: [expect.any(String)] })]);
});
