import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from './helpers/launchChromium';
import { waveformInk } from './helpers/waveformInk';
import type {} from '../../renderer/places/studio/useStudioAutomation';
import { openApp, type OpenApp } from './helpers/openApp';

let app: OpenApp;
let page: Page;
let errors: string[];

beforeAll(async () => {
  app = await openApp(fs.mkdtempSync(path.join(os.tmpdir(), 'stemroom-e2e-studio-')), { viewport: { width: 1600, height: 1000 } });
  ({ page, errors } = app);
});

afterAll(() => app?.close());

const clip = (name: string) => page.locator(`[data-testid="clip"][aria-label^="Clip ${name} "]`);
const engineReady = () => expect.poll(() => page.getByRole('status').filter({ hasText: 'Preparing audio' }).count(), { timeout: 60_000 }).toBe(0);
const clipStart = async (name: string) => Number(/at beat ([\d.]+)/.exec((await clip(name).first().getAttribute('aria-label'))!)![1]);

it('starts a remix from the catalog: one track per stem with waveforms from cached peaks', async () => {
  await page.getByRole('option', { name: /Glass Orchard/ }).click();
  await page.getByRole('button', { name: 'Start remix' }).click();
  await expect.poll(() => page.getByTestId('track-header').count()).toBe(5);
  await engineReady();
  await expect.poll(() => waveformInk(page.getByRole('img', { name: 'Waveform of Drums' }))).toBeGreaterThan(2000);
});

it('builds a remix through the UI: mute, move, split, +8 BPM, reverb on drums, loop', async () => {
  // Mute the guitar.
  await page.getByRole('button', { name: 'Mute Guitar', exact: true }).click();
  await expect.poll(() => page.getByRole('button', { name: 'Mute Guitar', exact: true }).getAttribute('aria-pressed')).toBe('true');

  // Move the keys clip right by two beats (snap: beat; 100 BPM at 40 px/s → 24 px per beat).
  const keys = clip('Keys');
  const box = (await keys.boundingBox())!;
  await page.mouse.move(box.x + 200, box.y + 30);
  await page.mouse.down();
  await page.mouse.move(box.x + 224, box.y + 30, { steps: 4 });
  await page.mouse.move(box.x + 248, box.y + 30, { steps: 4 });
  await page.mouse.up();
  await expect.poll(() => clipStart('Keys')).toBe(2);

  // Split the bass at bar 5 (beat 16): put the playhead there, select the clip, press S.
  const ruler = page.getByTestId('ruler');
  const rulerBox = (await ruler.boundingBox())!;
  await page.mouse.click(rulerBox.x + 16 * 24, rulerBox.y + 20);
  await clip('Bass')
    .first()
    .click({ position: { x: 60, y: 40 } });
  await page.keyboard.press('s');
  await expect.poll(() => clip('Bass').count()).toBe(2);

  // Tempo +8 BPM.
  const tempo = page.getByRole('spinbutton', { name: 'Tempo (BPM)' });
  await tempo.fill('108');
  await tempo.press('Enter');
  await engineReady();
  await expect.poll(() => tempo.inputValue()).toBe('108');

  // Reverb on the drums, from the mixer.
  await page.getByRole('combobox', { name: 'Add effect to Drums' }).selectOption('reverb');
  await expect.poll(() => page.getByRole('list', { name: 'Effects on Drums' }).textContent()).toContain('Reverb');

  // A loop over bars 2–4, dragged on the ruler.
  const pxPerBeat = (40 * 60) / 108;
  await page.mouse.move(rulerBox.x + 4 * pxPerBeat + 1, rulerBox.y + 20);
  await page.mouse.down();
  await page.mouse.move(rulerBox.x + 10 * pxPerBeat, rulerBox.y + 20, { steps: 5 });
  await page.mouse.move(rulerBox.x + 12 * pxPerBeat + 1, rulerBox.y + 20, { steps: 5 });
  await page.mouse.up();
  await expect.poll(() => page.getByRole('button', { name: 'Loop', exact: true }).getAttribute('aria-pressed')).toBe('true');
  await expect.poll(() => page.getByTestId('loop-region').count()).toBe(1);

  // Undo and redo the loop from the keyboard.
  await page.keyboard.press('Control+z');
  await expect.poll(() => page.getByRole('button', { name: 'Loop', exact: true }).getAttribute('aria-pressed')).toBe('false');
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => page.getByRole('button', { name: 'Loop', exact: true }).getAttribute('aria-pressed')).toBe('true');
  await engineReady();
});

it('renders offline in the page: the muted stem nulls, +8 BPM shortens by 100/108, repeats are bit-identical', async () => {
  const project = await page.evaluate(() => window.stemroomStudio!.projectId);
  expect(project).toMatch(/^[0-9a-f-]{36}$/);
  const result = await page.evaluate(async () => {
    const studio = window.stemroomStudio!;
    const muted = await studio.renderOffline([], { includeTail: false, compareWith: [{ type: 'removeClip', clipId: 'clip-emb-go-guitar' }] });
    const slower = await studio.renderOffline([{ type: 'setTempo', bpm: 100 }], { includeTail: false });
    const first = await studio.renderOffline([], { includeTail: true });
    const second = await studio.renderOffline([], { includeTail: true });
    return { muted, slower, first, second };
  });
  expect(result.muted.nullDb).toBe(-Infinity);
  expect(result.muted.rmsDb).toBeGreaterThan(-40);
  expect(result.muted.contentSeconds / result.slower.contentSeconds).toBeCloseTo(100 / 108, 6);
  expect(result.muted.frames / result.slower.frames).toBeCloseTo(100 / 108, 3);
  expect(result.second.sha256).toBe(result.first.sha256);
  expect(result.first.frames).toBeGreaterThan(result.muted.frames); // the reverb tail is rendered
});

it('plays: the transport moves and the meters move', async () => {
  await page.keyboard.press('Home');
  await page.keyboard.press('Space');
  await expect.poll(() => page.getByTestId('position').textContent(), { timeout: 10_000 }).not.toMatch(/^1\.1\.1/);
  await expect.poll(() => page.getByRole('meter', { name: 'Master level' }).getAttribute('aria-valuenow'), { timeout: 10_000 }).not.toBe('-60');
  await page.keyboard.press('Space');
});

it('adds a sixth track by dragging a stem from another recording, flagged when its licence forbids it', async () => {
  await page.getByRole('combobox', { name: 'Recording' }).selectOption({ label: 'Copper Sky — Kite District feat. Sana Ilves (124 BPM)' });
  const vocal = page.getByRole('listitem').filter({ hasText: 'Vocal hook' });
  await vocal.dragTo(page.getByTestId('timeline'), { targetPosition: { x: 300, y: 30 + 5 * 72 + 36 } });
  await expect.poll(() => page.getByTestId('track-header').count()).toBe(6);
  await expect.poll(() => page.getByTestId('rights-summary').textContent()).toMatch(/1 track uses audio the licences do not allow here/);
  await expect
    .poll(() => page.getByRole('note').textContent())
    .toMatch(/Licence KD-M-0042 does not allow the stem "Vocal hook \(Copper Sky\)" to be used in remixes\. Mute or remove track/);
  await engineReady();
  await screenshot(page, 'studio-six-tracks');
  await page.getByRole('tab', { name: 'Clip' }).click();
  await clip('Keys')
    .first()
    .click({ position: { x: 80, y: 40 } });
  await screenshot(page, 'studio-clip-inspector');
  await page.keyboard.press('?');
  await expect.poll(() => page.getByRole('dialog', { name: 'Keyboard shortcuts' }).count()).toBe(1);
  await screenshot(page, 'studio-help');
  await page.keyboard.press('Escape');
  expect(errors).toEqual([]);
});

it('exports through the dialog: refused with the reason, allowed once the forbidden stem is muted, then listed with its credits', async () => {
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: /Export/ });
  await expect.poll(() => dialog.getByRole('alert', { name: 'Export not allowed' }).textContent()).toMatch(/Vocal hook/);
  await screenshot(page, 'export-refused');
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();

  await page.getByRole('button', { name: 'Mute Vocal hook (Copper Sky)', exact: true }).click();
  await page.getByRole('button', { name: 'Export…' }).click();
  await dialog.getByRole('textbox', { name: 'Credited as' }).fill('E2E Remixer');
  await dialog.getByRole('combobox', { name: 'Format' }).selectOption('flac');
  await dialog.getByRole('checkbox', { name: 'Export with delivery bundle' }).check();
  await dialog.getByRole('combobox', { name: 'Delivery bundle as' }).selectOption('zip');
  await expect.poll(() => dialog.getByRole('region', { name: 'Rights' }).textContent()).toMatch(/Glass Orchard/);
  await expect.poll(() => dialog.getByRole('button', { name: 'Export', exact: true }).isEnabled()).toBe(true);
  await screenshot(page, 'export-dialog');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const finished = dialog.getByRole('region', { name: 'Export finished' });
  await expect.poll(() => finished.count(), { timeout: 120_000 }).toBe(1);
  const credits = await finished.getByRole('textbox', { name: 'Credit lines' }).inputValue();
  expect(credits).toMatch(/E2E Remixer/);
  expect(credits).toMatch(/Glass Orchard/);
  expect(await finished.textContent()).toMatch(/\.flac/);
  const bundlePath = /Delivery bundle .*: (\/.*\(delivery\)\.zip)/.exec((await finished.textContent())!)![1]!;
  expect(fs.existsSync(bundlePath)).toBe(true);
  await screenshot(page, 'export-finished-with-bundle');
  await finished.getByRole('button', { name: 'Open in Exports' }).click();
  await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Exports' }).count()).toBe(1);
  await page.getByRole('button', { name: 'Verify ledger' }).click();
  await expect.poll(() => page.getByRole('status').filter({ hasText: 'Ledger intact' }).count()).toBe(1);
  await screenshot(page, 'exports-place');
  expect(errors).toEqual([]);
});
