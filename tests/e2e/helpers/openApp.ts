import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { startServe, type RunningServe } from './startServe';
import { collectPageErrors, launchChromium } from './launchChromium';

/** The app as an end-to-end test drives it: the browser host, Chromium, and one page on it. */
export interface OpenApp {
  readonly serve: RunningServe;
  readonly browser: Browser;
  readonly page: Page;
  /** The page's errors and console errors from its first moment (tests expect none). */
  readonly errors: string[];
  /** Closes Chromium, stops the host and removes its data folder. */
  close(): Promise<void>;
}

export interface OpenAppOptions {
  readonly viewport: { readonly width: number; readonly height: number };
  /** Where the page goes once open, after the host's URL (e.g. `#/studio/ID`); null: it stays blank. Default: the app's start. */
  readonly at?: string | null;
  /** Extra Chromium switches (e.g. a fake microphone). */
  readonly chromiumArgs?: string[];
  /** Options of `stemroom serve` (see startServe). */
  readonly serve?: { readonly args?: string[]; readonly largeDemo?: boolean };
}

/**
 * Starts `stemroom serve` on `dataDir`, Debian's Chromium and a page of
 * `viewport` collecting its errors, and opens the app there. Whatever fails
 * half-way is closed again (and the data folder removed) before the error is thrown.
 *
 * @example
 * const app = await openApp(fs.mkdtempSync(path.join(os.tmpdir(), 'stemroom-e2e-studio-')), { viewport: { width: 1600, height: 1000 } });
 * await app.page.getByRole('option', { name: /Glass Orchard/ }).click();
 * await app.close();
 */
export async function openApp(dataDir: string, options: OpenAppOptions): Promise<OpenApp> {
  const serve = await startServe(dataDir, options.serve?.args, { largeDemo: options.serve?.largeDemo });
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    await serve.stop();
    fs.rmSync(serve.dataDir, { recursive: true, force: true });
  };
  try {
    browser = await launchChromium(options.chromiumArgs);
    const page = await browser.newPage({ viewport: options.viewport });
    const errors = collectPageErrors(page);
    if (options.at !== null) await page.goto(`${serve.url}${options.at ?? ''}`);
    return { serve, browser, page, errors, close };
  } catch (error) {
    await close();
    throw error;
  }
}
