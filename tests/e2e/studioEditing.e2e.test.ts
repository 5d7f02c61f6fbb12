import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from './helpers/launchChromium';
import { waveformInk } from './helpers/waveformInk';
import { contrastRatio } from './helpers/contrastRatio';
import { openApp, type OpenApp } from './helpers/openApp';

/**
 * The studio as a new user drives it on a laptop-sized window: what the
 * screen shows stays true while editing (waveforms after a trim, headers
 * beside their lanes, the effect panel in view), the keyboard does what
 * DAW users expect, and dialogs hold the focus.
 */

const bin = path.resolve('bin/stemroom.js');
const cli = (args: string[]) => JSON.parse(spawnSync(process.execPath, [bin, ...args, '--json'], { encoding: 'utf8' }).stdout);

let app: OpenApp;
let page: Page;
let errors: string[];

beforeAll(async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stemroom-e2e-editing-'));
  cli(['settings', '--creator', 'E2E Editor', '--data-dir', dataDir]);
  const project = cli(['project', 'create', '--recording', 'emb-r-glass-orchard', '--kind', 'remix', '--data-dir', dataDir]);
  // A laptop-sized window: the arrangement is shorter than its tracks, so it scrolls.
  app = await openApp(dataDir, { viewport: { width: 1400, height: 800 }, at: `#/studio/${project.id}` });
  ({ page, errors } = app);
  // Open once the five tracks are there and the engine has prepared their audio (Play is enabled).
  await page.waitForFunction(
    () => document.querySelectorAll('[data-testid="track-header"]').length === 5 && !document.querySelector<HTMLButtonElement>('.transport .play')?.disabled,
    null,
    { timeout: 60_000 },
  );
}, 120_000);

afterAll(() => app?.close());

const clip = (name: string) => page.locator(`[data-testid="clip"][aria-label^="Clip ${name} "]`).first();
const clipStart = async (name: string) => Number(/at beat ([\d.]+)/.exec((await clip(name).getAttribute('aria-label'))!)![1]);
/** The engine has prepared the audio of the latest edit (after a tempo change that re-stretches every stem: minutes on a machine at load 15+). */
const engineReady = async () => {
  await expect.poll(() => page.getByRole('status').filter({ hasText: 'Preparing audio' }).count(), { timeout: 240_000 }).toBe(0);
  await expect.poll(() => page.locator('.transport .play').isEnabled(), { timeout: 240_000 }).toBe(true);
};
const position = () => page.getByTestId('position').locator('.bars').textContent();
const focusInside = (selector: string) => page.evaluate((s) => !!document.activeElement?.closest(s), selector);

it('a trimmed clip keeps its waveform (start and end)', async () => {
  // Zoomed out twice, the whole drums clip is on screen.
  await page.getByRole('button', { name: 'Zoom out' }).click();
  await page.getByRole('button', { name: 'Zoom out' }).click();
  const drums = page.getByRole('img', { name: 'Waveform of Drums' }).first();
  await expect.poll(() => waveformInk(drums)).toBeGreaterThan(2000);
  const before = await waveformInk(drums);

  const box = (await clip('Drums').boundingBox())!;
  const pxPerBeat = (40 / 1.5 / 1.5) * (60 / 100); // 100 BPM
  await page.mouse.move(box.x + 2, box.y + 40);
  await page.mouse.down();
  await page.mouse.move(box.x + 2 + pxPerBeat, box.y + 40, { steps: 3 });
  await page.mouse.move(box.x + 2 + 2 * pxPerBeat, box.y + 40, { steps: 3 });
  await page.mouse.up();
  await expect.poll(() => clipStart('Drums')).toBe(2);
  await page.waitForTimeout(400);
  expect(await waveformInk(drums)).toBeGreaterThan(before * 0.6);

  const trimmed = (await clip('Drums').boundingBox())!;
  await page.mouse.move(trimmed.x + trimmed.width - 2, trimmed.y + 40);
  await page.mouse.down();
  await page.mouse.move(trimmed.x + trimmed.width - 2 - 4 * pxPerBeat, trimmed.y + 40, { steps: 3 });
  await page.mouse.move(trimmed.x + trimmed.width - 2 - 8 * pxPerBeat, trimmed.y + 40, { steps: 3 });
  await page.mouse.up();
  await expect.poll(async () => (await clip('Drums').boundingBox())!.width).toBeLessThan(trimmed.width - 7 * pxPerBeat);
  await page.waitForTimeout(400);
  expect(await waveformInk(drums)).toBeGreaterThan(before * 0.5);
  await screenshot(page, 'studio-trimmed-waveform');
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect.poll(() => clipStart('Drums')).toBe(0);
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.getByRole('button', { name: 'Zoom in' }).click();
});

it('track headers and the ruler stay beside their lanes when a clip takes keyboard focus', async () => {
  const geometry = () =>
    page.evaluate(() => {
      const tops = (selector: string) => [...document.querySelectorAll(selector)].map((e) => Math.round(e.getBoundingClientRect().top));
      const ruler = document.querySelector('[data-testid="ruler"]')!.getBoundingClientRect();
      const lanes = document.querySelector('.lanes')!.getBoundingClientRect();
      const timeline = document.querySelector('[data-testid="timeline"]')!.getBoundingClientRect();
      return {
        headers: tops('[data-testid="track-header"]'),
        lanes: tops('.lane:not(.new-track)'),
        rulerLeft: Math.round(ruler.left),
        lanesLeft: Math.round(lanes.left),
        rulerTop: Math.round(ruler.top),
        timelineTop: Math.round(timeline.top),
      };
    });
  const last = page.locator('[data-testid="clip"]').last();
  await last.focus();
  await page.waitForTimeout(200);
  const after = await geometry();
  expect(after.headers).toEqual(after.lanes);
  expect(after.rulerLeft).toBe(after.lanesLeft);
  // The ruler stays on top of the arrangement, in view.
  expect(after.rulerTop).toBeGreaterThanOrEqual(after.timelineTop);
  await screenshot(page, 'studio-focused-clip-headers');
  // Mute from the header beside the focused clip mutes that clip's track.
  const lastLane = after.lanes.length - 1;
  const headerBox = (await page.getByTestId('track-header').nth(lastLane).boundingBox())!;
  const clipBox = (await last.boundingBox())!;
  expect(Math.abs(headerBox.y - (clipBox.y - 4))).toBeLessThanOrEqual(1);
});

it('arrow keys nudge the focused clip by the grid, Alt+arrow by a sixteenth', async () => {
  const keys = clip('Keys');
  await keys.focus();
  const start = await clipStart('Keys');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => clipStart('Keys')).toBe(start + 1);
  await page.keyboard.press('Alt+ArrowRight');
  await expect.poll(() => clipStart('Keys')).toBe(start + 1.25);
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => clipStart('Keys')).toBe(start + 0.25);
  await page.keyboard.press('Alt+ArrowLeft');
  await expect.poll(() => clipStart('Keys')).toBe(start);
  expect(page.url()).toContain('#/studio/'); // Alt+← did not navigate back
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  expect(await help.textContent()).toMatch(/Alt\+← \/ →/);
  await page.keyboard.press('Escape');
});

it('a dragged fade shows as a number people read', async () => {
  const keys = clip('Keys');
  await keys.click({ position: { x: 200, y: 40 } });
  const box = (await keys.boundingBox())!;
  await page.mouse.move(box.x + 4, box.y + 4);
  await page.mouse.down();
  await page.mouse.move(box.x + 24, box.y + 4, { steps: 3 });
  await page.mouse.move(box.x + 41, box.y + 4, { steps: 3 });
  await page.mouse.up();
  await page.getByRole('tab', { name: 'Clip' }).click();
  const fade = page.getByRole('spinbutton', { name: 'Fade in (beats)' });
  await expect.poll(() => fade.inputValue()).not.toBe('0');
  const shown = await fade.inputValue();
  expect(shown).toMatch(/^\d+(\.\d{1,3})?$/);
  expect(Number(shown)).toBeCloseTo((37 / 40) * (100 / 60), 2);
  await screenshot(page, 'studio-clip-fade');
  await page.getByRole('tab', { name: 'Mixer' }).click();
});

it('the effect panel opens in view, above everything, and holds the focus until Escape', async () => {
  await page.getByRole('combobox', { name: 'Add effect to Drums' }).selectOption('eq3');
  const slot = page.getByRole('list', { name: 'Effects on Drums' }).getByRole('button', { name: 'EQ', exact: true });
  await slot.click();
  const panel = page.getByRole('dialog', { name: 'EQ on Drums' });
  const box = (await panel.boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
  const onTop = await panel.evaluate((element) => {
    const r = element.getBoundingClientRect();
    return [
      [0.5, 0.5],
      [0.1, 0.1],
      [0.9, 0.9],
    ].every(([fx, fy]) => element.contains(document.elementFromPoint(r.left + fx! * r.width, r.top + fy! * r.height)));
  });
  expect(onTop).toBe(true);
  expect(await focusInside('[role="dialog"][aria-label="EQ on Drums"]')).toBe(true);
  // The knobs take the mouse (Playwright clicks only what is really under the pointer).
  await panel.getByRole('slider', { name: 'EQ Low', exact: true }).click({ timeout: 5000 });
  await screenshot(page, 'studio-effect-panel');
  await page.keyboard.press('Escape');
  await expect.poll(() => panel.count()).toBe(0);
  expect(await slot.evaluate((element) => element === document.activeElement)).toBe(true);
});

it('"Drop a stem here" reads at WCAG AA contrast', async () => {
  expect(await contrastRatio(page.getByTestId('new-track-lane'))).toBeGreaterThanOrEqual(4.5);
});

it('Stop returns to where play started, a second Stop to the start; Pause stays where it is', { timeout: 300_000 }, async () => {
  const transport = page.getByRole('group', { name: 'Transport' });
  const ruler = (await page.getByTestId('ruler').boundingBox())!;
  const bpm = Number(await page.getByRole('spinbutton', { name: 'Tempo (BPM)' }).inputValue());
  const pxPerBeat = (40 * 60) / bpm;
  await page.mouse.click(ruler.x + 8 * pxPerBeat + 1, ruler.y + 20);
  await expect.poll(position).toBe('3.1.1');
  await engineReady();
  await transport.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(position, { timeout: 10_000 }).not.toBe('3.1.1');
  await transport.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect.poll(position).toBe('3.1.1');
  await transport.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect.poll(position).toBe('1.1.1');

  await transport.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(position, { timeout: 10_000 }).not.toBe('1.1.1');
  await page.waitForTimeout(300);
  await transport.getByRole('button', { name: 'Pause', exact: true }).click();
  const paused = await position();
  expect(paused).not.toBe('1.1.1');
  await page.waitForTimeout(300);
  expect(await position()).toBe(paused);
  await page.keyboard.press('Home');
  await expect.poll(position).toBe('1.1.1');
});

it('Enter and Escape in the BPM field hand the keyboard back, so Space plays', { timeout: 300_000 }, async () => {
  const tempo = page.getByRole('spinbutton', { name: 'Tempo (BPM)' });
  const play = page.getByRole('group', { name: 'Transport' }).getByRole('button', { name: /^(Play|Pause)$/ });
  // Escape: the typed tempo is dropped and the keyboard is the studio's again.
  await tempo.fill('140');
  await tempo.press('Escape');
  await expect.poll(() => tempo.inputValue()).toBe('100');
  expect(await focusInside('.tool-field')).toBe(false);
  await page.keyboard.press('Space');
  await expect.poll(() => play.getAttribute('aria-label'), { timeout: 30_000 }).toBe('Pause');
  await page.keyboard.press('Space');
  await expect.poll(() => play.getAttribute('aria-label')).toBe('Play');

  // Enter: the tempo is set (the engine re-stretches every stem) and the keyboard is the studio's again.
  await tempo.fill('108');
  await tempo.press('Enter');
  await expect.poll(() => tempo.inputValue()).toBe('108');
  expect(await focusInside('.tool-field')).toBe(false);
  await engineReady();
  await page.keyboard.press('Space');
  await expect.poll(() => play.getAttribute('aria-label'), { timeout: 30_000 }).toBe('Pause');
  await page.keyboard.press('Space');
  await expect.poll(() => play.getAttribute('aria-label')).toBe('Play');
  expect(await tempo.inputValue()).toBe('108');
});

it('the export dialog and the History panel take the focus, keep Tab inside, close on Escape and give the focus back', async () => {
  for (const [opener, dialogName] of [
    ['Export…', /^Export/],
    ['History', /^History/],
  ] as const) {
    const button = page.getByRole('button', { name: opener, exact: true });
    await button.click();
    const dialog = page.getByRole('dialog', { name: dialogName });
    await expect.poll(() => dialog.count()).toBe(1);
    await expect.poll(() => dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press(i % 5 === 4 ? 'Shift+Tab' : 'Tab');
      expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
    }
    await screenshot(page, `studio-${opener === 'History' ? 'history' : 'export'}-focus`);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await button.evaluate((element) => element === document.activeElement)).toBe(true);
  }
});

it('export progress: the percentage agrees with the bar at every frame', async () => {
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: /^Export/ });
  await expect.poll(() => dialog.getByRole('button', { name: 'Export', exact: true }).isEnabled()).toBe(true);
  await page.evaluate(() => {
    const samples: { text: string; percent: number | null; width: number }[] = [];
    (window as unknown as { progressSamples: typeof samples }).progressSamples = samples;
    const sample = () => {
      const bar = document.querySelector('.export-dialog .progress');
      if (bar) {
        const text = bar.querySelector('.progress-label')!.textContent ?? '';
        const fill = bar.querySelector('.progress-fill')!.getBoundingClientRect();
        const track = bar.querySelector('.progress-track')!.getBoundingClientRect();
        const percent = /(\d+) %/.exec(text);
        samples.push({ text, percent: percent ? Number(percent[1]) : null, width: (fill.width / track.width) * 100 });
      }
      if (!document.querySelector('[aria-label="Export finished"]')) requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
  });
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect.poll(() => dialog.getByRole('region', { name: 'Export finished' }).count(), { timeout: 120_000 }).toBe(1);
  const samples = await page.evaluate(
    () => (window as unknown as { progressSamples: { text: string; percent: number | null; width: number }[] }).progressSamples,
  );
  expect(samples.length).toBeGreaterThan(10);
  const disagreeing = samples.filter((s) => s.percent !== null && Math.abs(s.percent - s.width) > 1.5);
  expect(disagreeing.slice(0, 5)).toEqual([]);
  await screenshot(page, 'studio-export-finished');
  await page.keyboard.press('Escape');
  expect(errors).toEqual([]);
}, 180_000);
