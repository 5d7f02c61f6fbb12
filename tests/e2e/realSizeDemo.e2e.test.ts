import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from './helpers/launchChromium';
import { ContractSocket } from './helpers/contractSocket';
import type {} from '../../renderer/places/studio/useStudioAutomation';
import { openApp, type OpenApp } from './helpers/openApp';

/**
 * First start of a new library with the real-size demo song (Lantern
 * Harbour: 10 stems × 3:29 at 44.1 kHz): the studio opens at once with the
 * small demos, the status bar shows the big one being imported, then the
 * catalog lists it — its stems decoded once, into the PCM cache, which the
 * media route serves in byte ranges.
 */
let app: OpenApp;
let page: Page;
let errors: string[];

beforeAll(async () => {
  app = await openApp(fs.mkdtempSync(path.join(os.tmpdir(), 'stemroom-e2e-demo-')), { viewport: { width: 1600, height: 1000 }, serve: { largeDemo: true } });
  ({ page, errors } = app);
});

afterAll(() => app?.close());

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

it("serves each stem's PCM cache in byte ranges: 44.1 kHz, 3:29, ten stems", async () => {
  const socket = await ContractSocket.connect(app.serve.url);
  try {
    const recording = await socket.call('catalog.recording', { id: 'tdw-r-lantern-harbour' });
    expect(recording.stems).toHaveLength(10);
    const { origin, searchParams } = new URL(app.serve.url);
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

/** Master output levels sampled in the page every 50 ms (the engine's analyser taps after the limiter), from now on. */
const startLevelTap = () =>
  page.evaluate(() => {
    const tap: { at: number; level: number }[] = [];
    (window as unknown as { levelTap: typeof tap }).levelTap = tap;
    setInterval(() => {
      const engine = window.stemroomStudio?.engine;
      if (engine) tap.push({ at: performance.now(), level: Math.max(...engine.levels.master) });
    }, 50);
  });
/** The share of samples since `since` (page time, ms) where the output was above −60 dBFS. */
const audibleShare = (since: number) =>
  page.evaluate((since) => {
    const tap = (window as unknown as { levelTap: { at: number; level: number }[] }).levelTap.filter((s) => s.at >= since);
    return { samples: tap.length, audible: tap.filter((s) => s.level > 0.001).length / Math.max(1, tap.length) };
  }, since);
const engineState = () => page.evaluate(() => window.stemroomStudio!.engine);

it('streams the real-size song: opens at 3:00 at once, plays from there, and keeps playing through a tempo change without a dropout', async () => {
  const socket = await ContractSocket.connect(app.serve.url);
  const project = await socket.call('projects.create', { recordingId: 'tdw-r-lantern-harbour', kind: 'remix' }).finally(() => socket.close());
  // "Open in studio at 3:00" (as Analytics links): 92 BPM, so beat 276.
  await page.evaluate((id) => (location.hash = `#/studio/${id}?beat=276`), project.id);
  await expect.poll(() => page.getByTestId('track-header').count(), { timeout: 30_000 }).toBe(10);
  const play = page.getByRole('button', { name: 'Play', exact: true });
  await expect.poll(() => play.isEnabled(), { timeout: 10_000 }).toBe(true);
  await expect.poll(() => page.getByTestId('position').textContent()).toMatch(/^70\.1\.13:00\.000/);
  expect((await engineState()).stream.sharedMemory).toBe(true); // the page is cross-origin isolated: rings, not posted chunks
  await screenshot(page, 'live-open-at-3-00');

  await startLevelTap();
  await play.click();
  const started = await page.evaluate(() => performance.now());
  await expect.poll(async () => (await engineState()).positionBeats, { timeout: 10_000 }).toBeGreaterThan(278);
  const beforeChange = await page.evaluate(() => performance.now());

  const tempo = page.getByRole('spinbutton', { name: 'Tempo (BPM)' });
  await tempo.fill('100');
  await tempo.press('Enter');
  await expect.poll(async () => (await engineState()).changeHeardAfter, { timeout: 10_000 }).not.toBeNull();
  const switched = await page.evaluate(() => performance.now());
  await page.waitForTimeout(3000);
  await screenshot(page, 'live-tempo-change-while-playing');

  const state = await engineState();
  expect(state.playing).toBe(true);
  expect(await page.evaluate(() => window.stemroomStudio!.document.bpm)).toBe(100);
  expect(state.positionBeats).toBeGreaterThan(282);
  // Audio kept flowing: before the change, across it, and after it.
  const before = await audibleShare(started + 500);
  expect(before.samples).toBeGreaterThan(20);
  expect(before.audible).toBeGreaterThan(0.95);
  expect((await audibleShare(switched)).audible).toBeGreaterThan(0.95);
  expect((await audibleShare(beforeChange)).audible).toBeGreaterThan(0.95);
  // Not one render quantum without its audio, and the readout says so.
  expect(state.underruns).toBe(0);
  await expect.poll(() => page.getByTestId('underruns').textContent()).toBe('0 dropouts');
  expect(errors).toEqual([]);
});

it('the time readout follows a tempo change while stopped', async () => {
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  const beat = (await engineState()).positionBeats;
  const tempo = page.getByRole('spinbutton', { name: 'Tempo (BPM)' });
  await tempo.fill('120');
  await tempo.press('Enter');
  const seconds = (beat * 60) / 120;
  await expect.poll(() => page.getByTestId('position').textContent()).toContain(`${Math.floor(seconds / 60)}:${(seconds % 60).toFixed(3).padStart(6, '0')}`);
  expect(errors).toEqual([]);
});

it('play starts from a playhead moved while an edit rebuilds the graph, not from where it was before the edit', async () => {
  const before = (await engineState()).positionBeats;
  // Adding an effect changes the graph's shape: the engine rebuilds it while the user moves the playhead.
  await page.getByRole('combobox', { name: 'Add effect to Drums' }).selectOption('reverb');
  await page.getByTestId('ruler').click({ position: { x: 30, y: 10 } });
  const target = (await engineState()).positionBeats;
  expect(Math.abs(target - before)).toBeGreaterThan(4);
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(async () => (await engineState()).positionBeats, { timeout: 10_000 }).toBeGreaterThan(target + 0.5);
  const playing = (await engineState()).positionBeats;
  expect(playing).toBeLessThan(target + 3); // from the old place it would be at least 4 beats off
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  expect(errors).toEqual([]);
});
