import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from './helpers/launchChromium';
import { wavBytes } from '../helpers/writeWav';
import type {} from '../../renderer/places/studio/useStudioAutomation';
import { openApp, type OpenApp } from './helpers/openApp';

const bin = path.resolve('bin/stemroom.js');
const cli = (args: string[]) => JSON.parse(spawnSync(process.execPath, [bin, ...args, '--json'], { encoding: 'utf8' }).stdout);
const PERIOD = 0.5; // the calibration's click interval: the fake input returns clicks on the same grid, like a loopback cable

let app: OpenApp;
let page: Page;
let errors: string[];
let projectId: string;

beforeAll(async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stemroom-e2e-record-'));
  cli(['settings', '--creator', 'Ada Sings', '--data-dir', dataDir]);
  projectId = cli(['project', 'create', '--recording', 'emb-r-glass-orchard', '--kind', 'cover', '--data-dir', dataDir]).id;
  // The "microphone": a 1 ms click every 0.5 s (Chromium loops the file as its fake capture device).
  const samples = new Float32Array(48000 * 60);
  for (let t = 0.1; t < 60; t += PERIOD) samples.fill(0.8, Math.round(t * 48000), Math.round(t * 48000) + 48);
  const clicksFile = path.join(dataDir, 'clicks.wav');
  fs.writeFileSync(clicksFile, wavBytes([samples], 48000));
  app = await openApp(dataDir, {
    viewport: { width: 1600, height: 1000 },
    chromiumArgs: ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-audio-capture=${clicksFile}`],
    at: `#/studio/${projectId}`,
  });
  ({ page, errors } = app);
}, 120_000);

afterAll(() => app?.close());

const engineReady = () => expect.poll(() => page.getByRole('status').filter({ hasText: 'Preparing audio' }).count(), { timeout: 60_000 }).toBe(0);

it('records a take over the project; after latency compensation its clicks land within 2 ms of where they were played', async () => {
  await expect.poll(() => page.getByTestId('track-header').count(), { timeout: 30_000 }).toBeGreaterThan(0);
  await engineReady();
  await page.getByRole('tab', { name: 'Record' }).click();
  await page.getByRole('button', { name: 'Enable input…' }).click();
  await expect.poll(() => page.getByRole('combobox', { name: 'Input device' }).count(), { timeout: 15_000 }).toBe(1);
  await expect.poll(() => page.getByRole('combobox', { name: 'Armed track' }).inputValue()).not.toBe('');
  await expect
    .poll(async () => Number(await page.getByRole('meter', { name: 'Input level' }).getAttribute('aria-valuenow')), { timeout: 10_000 })
    .toBeGreaterThan(-20);

  await page.getByRole('button', { name: 'Calibrate latency' }).click();
  await expect.poll(() => page.getByTestId('latency').textContent(), { timeout: 20_000 }).toMatch(/ms$/);
  const calibration = await page.evaluate(() => window.stemroomStudio!.recorder.lastCalibration!);
  expect(calibration.clicksHeard).toBe(calibration.clicksPlayed);
  expect(calibration.spreadMs).toBeLessThan(1);

  // The time readout, as shown, every 100 ms from the Record click on (read in the page: it costs the audio nothing).
  await page.evaluate(() => {
    const shown: string[] = [];
    (window as unknown as { shown: string[] }).shown = shown;
    const timer = setInterval(() => shown.push(document.querySelector('[data-testid="position"] .time')?.textContent ?? ''), 100);
    setTimeout(() => clearInterval(timer), 5000);
  });
  await page.getByRole('button', { name: 'Record', exact: true }).click();
  await expect.poll(() => page.getByRole('button', { name: 'Record', exact: true }).getAttribute('aria-pressed')).toBe('true');
  await page.waitForTimeout(5500); // one bar of count-in (2.4 s at 100 BPM), then ~3 s of take
  // The count-in counts down to the record point (-0:02.… → -0:00.…), then the time runs on from 0:00.
  const seconds = (await page.evaluate(() => (window as unknown as { shown: string[] }).shown)).map(
    (t) => (t.startsWith('-') ? -1 : 1) * (Number(t.replace('-', '').split(':')[0]) * 60 + Number(t.split(':')[1])),
  );
  const countIn = seconds.filter((s) => s < 0);
  expect(countIn.length).toBeGreaterThan(10);
  expect(Math.min(...countIn)).toBeLessThan(-1.5);
  expect(countIn.every((s, i) => i === 0 || s >= countIn[i - 1]!)).toBe(true);
  expect(countIn.at(-1)! - countIn[0]!).toBeGreaterThan(1.5);
  expect(countIn.at(-1)!).toBeGreaterThan(-0.3);
  expect(seconds.slice(seconds.indexOf(countIn.at(-1)!) + 1).every((s) => s >= 0)).toBe(true);
  expect(Math.max(...seconds)).toBeGreaterThan(2);
  await page.keyboard.press('r');
  await expect.poll(() => page.evaluate(() => window.stemroomStudio!.recorder.lastTake), { timeout: 20_000 }).not.toBeNull();

  const result = await page.evaluate(async () => {
    const studio = window.stemroomStudio!;
    const take = studio.recorder.lastTake!;
    const calibrationClick = studio.recorder.lastCalibration!.clickTimes[0]!;
    const doc = studio.document;
    const clip = doc.clips.find((c) => c.id === take.clipId)!;
    const bytes = await (await fetch(`./media/${take.sha256}`)).arrayBuffer();
    const audio = await new OfflineAudioContext(1, 1, 48000).decodeAudioData(bytes);
    const samples = audio.getChannelData(0);
    const clipStart = (clip.start * 60) / doc.bpm;
    const onsets: number[] = [];
    let last = -1;
    for (let i = 1; i < samples.length; i++) {
      if (samples[i]! >= 0.4 && samples[i - 1]! < 0.4 && (last < 0 || i - last > audio.sampleRate * 0.2)) {
        onsets.push(clipStart + i / audio.sampleRate - clip.sourceOffset);
        last = i;
      }
    }
    // Where the clicks were played, on the timeline: the calibration's click grid, seen from the transport.
    const anchor = calibrationClick - take.transportStartTime + take.transportStartSeconds;
    return { onsets, anchor, latencySec: take.latencySec, clipActive: clip.active, takeSeconds: samples.length / audio.sampleRate };
  });
  expect(result.clipActive).toBe(true);
  expect(result.takeSeconds).toBeGreaterThan(2);
  expect(result.onsets.length).toBeGreaterThanOrEqual(5);
  for (const t of result.onsets) {
    const phase = (((t - result.anchor) % PERIOD) + PERIOD) % PERIOD;
    const error = Math.min(phase, PERIOD - phase);
    expect(error * 1000, `click at ${t.toFixed(4)} s is ${(error * 1000).toFixed(2)} ms off the grid`).toBeLessThan(2);
  }
  await screenshot(page, 'recording-take');
  expect(errors).toEqual([]);
});

it('the take survives a reload', async () => {
  const clipId = await page.evaluate(() => window.stemroomStudio!.recorder.lastTake!.clipId);
  await page.waitForTimeout(800); // autosave
  await page.reload();
  await expect
    .poll(() => page.evaluate((id) => window.stemroomStudio?.document.clips.some((c) => c.id === id) ?? false, clipId), { timeout: 30_000 })
    .toBe(true);
  await engineReady();
  await expect.poll(() => page.locator('[data-testid="clip"][aria-label^="Clip Take 1 "]').count()).toBe(1);
  expect(errors).toEqual([]);
});

it('a second take becomes the one heard; "Keep this take" comps back to the first', async () => {
  await page.getByRole('tab', { name: 'Record' }).click();
  await page.getByRole('button', { name: 'Enable input…' }).click();
  await expect.poll(() => page.getByRole('combobox', { name: 'Input device' }).count(), { timeout: 15_000 }).toBe(1);
  await page.getByRole('checkbox', { name: 'Count in one bar' }).uncheck();
  await page.keyboard.press('Home');
  await page.keyboard.press('r');
  await page.waitForTimeout(2500);
  await page.keyboard.press('r');
  const takes = page.getByRole('region', { name: 'Takes' });
  await expect.poll(() => takes.getByRole('listitem').count(), { timeout: 20_000 }).toBe(2);
  await expect.poll(() => takes.getByRole('listitem', { name: 'Take 2, heard' }).count()).toBe(1);
  await expect.poll(() => page.locator('[data-testid="clip"][aria-label*="alternative take, not heard"]').count()).toBeGreaterThan(0);
  await takes.getByRole('listitem').filter({ hasText: 'Take 1' }).getByRole('button', { name: 'Keep this take' }).click();
  await expect.poll(() => takes.getByRole('listitem', { name: 'Take 1, heard' }).count()).toBe(1);
  await expect.poll(() => takes.getByRole('listitem', { name: 'Take 2' }).count()).toBe(1);
  const heard = await page.evaluate(() => {
    const doc = window.stemroomStudio!.document;
    const names = new Map(doc.sources.map((s) => [s.id, s.name]));
    return doc.clips.filter((c) => c.active && names.get(c.sourceId)?.startsWith('Take')).map((c) => names.get(c.sourceId));
  });
  expect(new Set(heard)).toEqual(new Set(['Take 1']));
  await screenshot(page, 'recording-takes');
  expect(errors).toEqual([]);
});
