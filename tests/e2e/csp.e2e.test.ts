import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { screenshot } from './helpers/launchChromium';
import { waveformInk } from './helpers/waveformInk';
import { openApp, type OpenApp } from './helpers/openApp';

/**
 * The CSP without 'unsafe-inline' for styles, measured in Chromium: every
 * securitypolicyviolation the page raises is recorded from the first byte.
 * The studio with its waveforms (wavesurfer writes a <style> into each
 * shadow root, allowed by the page's nonce) must raise none; a <style> or a
 * style attribute injected without the nonce must be refused.
 */
interface Violation {
  readonly directive: string;
  readonly blocked: string;
}

let app: OpenApp;
let page: Page;
const violations = () => page.evaluate(() => (window as unknown as { __violations: Violation[] }).__violations);

beforeAll(async () => {
  app = await openApp(fs.mkdtempSync(path.join(os.tmpdir(), 'stemroom-e2e-csp-')), { viewport: { width: 1600, height: 1000 }, at: null });
  page = app.page;
  await page.addInitScript(() => {
    const seen: { directive: string; blocked: string }[] = [];
    (window as unknown as { __violations: typeof seen }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push({ directive: event.effectiveDirective, blocked: event.blockedURI }), true);
  });
  await page.goto(app.serve.url);
});

afterAll(() => app?.close());

it('sends a style nonce that changes on every page load, and no unsafe-inline', async () => {
  const loads = await Promise.all(
    [0, 1].map(() =>
      page.evaluate(async () => {
        const response = await fetch('./'); // relative: the page lives under its session path (main/host/AccessGuard.ts)
        const html = await response.text();
        return { csp: response.headers.get('content-security-policy')!, meta: /name="stemroom-style-nonce" content="([^"]+)"/.exec(html)?.[1] };
      }),
    ),
  );
  for (const { csp, meta } of loads) {
    expect(meta).toMatch(/^[A-Za-z0-9+/]{24}$/);
    expect(csp).toContain(`style-src 'self' 'nonce-${meta}'`);
    expect(csp).not.toContain('unsafe-inline');
  }
  expect(loads[0]!.meta).not.toBe(loads[1]!.meta);
});

it('opens the studio with its waveforms styled and drawn, and raises no CSP violation', async () => {
  await page.getByRole('option', { name: /Glass Orchard/ }).click();
  await page.getByRole('button', { name: 'Start remix' }).click();
  await expect.poll(() => page.getByTestId('track-header').count()).toBe(5);
  const drums = page.getByRole('img', { name: 'Waveform of Drums' });
  await expect.poll(() => waveformInk(drums)).toBeGreaterThan(2000);
  // wavesurfer's own stylesheet applied inside the shadow root: its canvases are absolutely positioned.
  const canvasPosition = await drums.evaluate((element) => {
    const host = [...element.querySelectorAll('div')].find((div) => div.shadowRoot);
    return getComputedStyle(host!.shadowRoot!.querySelector('canvas')!).position;
  });
  expect(canvasPosition).toBe('absolute');
  await page.keyboard.press('Control+3');
  await page.keyboard.press('Control+4');
  await page.keyboard.press('Control+2');
  await screenshot(page, 'csp-studio');
  expect(await violations()).toEqual([]);
});

it('refuses a <style> element and a style attribute injected without the nonce', async () => {
  const before = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const after = await page.evaluate(async () => {
    const style = document.createElement('style');
    style.textContent = 'body { background-color: rgb(255, 0, 0) !important; }';
    document.head.append(style);
    const holder = document.createElement('div');
    holder.innerHTML = '<p id="injected" style="color: rgb(0, 255, 0)">x</p>';
    document.body.append(holder);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const result = { body: getComputedStyle(document.body).backgroundColor, injected: getComputedStyle(document.getElementById('injected')!).color };
    style.remove();
    holder.remove();
    return result;
  });
  expect(after.body).toBe(before);
  expect(after.injected).not.toBe('rgb(0, 255, 0)');
  expect((await violations()).map((v) => v.directive).sort()).toEqual(['style-src-attr', 'style-src-elem']);
});
