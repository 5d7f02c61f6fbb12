import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Workload } from '../Workload';
import { median, round } from '../measure';
import { startServe, type RunningServe } from '../../tests/e2e/helpers/startServe';
import { launchChromium } from '../../tests/e2e/helpers/launchChromium';
import { writeBenchPackage } from '../fixtures/writeBenchPackage';
import { ownRenderers, pageRenderer, residentBreakdown } from './rendererMemory';
import type {} from '../../renderer/places/studio/useStudioAutomation';

const bin = path.resolve('bin/stemroom.js');
const cli = (dataDir: string, args: string[]) =>
  JSON.parse(spawnSync(process.execPath, [bin, ...args, '--json', '--data-dir', dataDir], { encoding: 'utf8', maxBuffer: 1 << 26 }).stdout);

interface StudioFixture {
  serve: RunningServe;
  browser: Browser;
  page: Page;
  openProject: string;
  cleanup(): Promise<void>;
}

let fixture: Promise<StudioFixture> | undefined;

/** The browser host with a 16 × 4 min benchmark project, and Chromium on the app. */
export function studioFixture(): Promise<StudioFixture> {
  fixture ??= (async () => {
    // Always the production build: a dist/ left by another run may be stale, or hold React's development build.
    spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: ['ignore', 2, 2], env: { ...process.env, NODE_ENV: 'production' } }); // its output to stderr: stdout is the JSON report
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'stemroom-bench-studio-'));
    const dataDir = path.join(root, 'data');
    const big = path.join(root, 'pkg-16');
    const bigRecording = writeBenchPackage(big, 16, 4);
    cli(dataDir, ['catalog', 'import', big]);
    const openProject = cli(dataDir, ['project', 'create', '--recording', bigRecording, '--kind', 'remix']).id as string;
    fs.rmSync(big, { recursive: true, force: true });
    const serve = await startServe(dataDir);
    const browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    // tsx names functions with an __name helper; functions sent to page.evaluate need it in the page too.
    await page.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
    await page.goto(`${serve.url}#/studio`);
    await page.waitForSelector('h1');
    return {
      serve,
      browser,
      page,
      openProject,
      async cleanup() {
        await browser.close();
        await serve.stop();
        fs.rmSync(root, { recursive: true, force: true });
      },
    };
  })();
  return fixture;
}

/** Stops the studio fixture's host and Chromium and removes its library, if a workload started them. */
export async function closeStudioFixture(): Promise<void> {
  const started = fixture;
  fixture = undefined;
  await (await started?.catch(() => undefined))?.cleanup();
}

/**
 * Opens a project in the page; resolves with ms until every track's waveform
 * is drawn, until Play is enabled, and — with `play` — until the audio is
 * heard after Play is pressed the moment it is enabled (then paused).
 */
export function openInPage(page: Page, projectId: string, tracks: number, play = false) {
  return page.evaluate(
    async ({ projectId, tracks, play }) => {
      const started = performance.now();
      location.hash = `#/studio/${projectId}`;
      // A waveform counts as drawn once its canvas has ink on its middle row (where every bar crosses);
      // reading one row, and each canvas only until it has ink, keeps the probe from slowing the page it measures.
      const drawn = new WeakSet<HTMLCanvasElement>();
      const hasInk = (c: HTMLCanvasElement) => {
        if (drawn.has(c)) return true;
        if (!c.width || !c.height) return false;
        const row = c.getContext('2d')!.getImageData(0, c.height >> 1, c.width, 1).data;
        for (let i = 3; i < row.length; i += 4) {
          if (row[i]! > 0) {
            drawn.add(c);
            return true;
          }
        }
        return false;
      };
      const inked = (el: Element) =>
        [...el.querySelectorAll('div')].some((host) =>
          [...(host.shadowRoot?.querySelectorAll('canvas') ?? [])].some((canvas) => hasInk(canvas as HTMLCanvasElement)),
        );
      const until = async (condition: () => boolean) => {
        while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
        return performance.now() - started;
      };
      const waveforms = await until(() => {
        const images = [...document.querySelectorAll('[role="img"][aria-label^="Waveform of"]')];
        return images.length >= tracks && images.every(inked);
      });
      const playable = await until(() => {
        const play = document.querySelector('button[aria-label="Play"]') as HTMLButtonElement | null;
        return !!play && !play.disabled && !document.body.textContent!.includes('Preparing audio');
      });
      if (!play) return { waveforms, playable, heard: NaN };
      const engine = () => window.stemroomStudio!.engine;
      const before = engine().heardAt ?? 0;
      (document.querySelector('button[aria-label="Play"]') as HTMLButtonElement).click();
      await until(() => (engine().heardAt ?? 0) > before);
      const heard = engine().heardAt! - started;
      (document.querySelector('button[aria-label="Pause"]') as HTMLButtonElement | null)?.click();
      return { waveforms, playable, heard };
    },
    { projectId, tracks, play },
  );
}

export const projectOpen: Workload = {
  name: 'project-open',
  description:
    'open a 16 stems × 4 min 44.1 kHz project in Chromium and press Play the moment it is enabled: until the audio is heard (streamed from the PCM cache), and renderer memory while it plays, vs fetching and decoding the same 16 files',
  async run() {
    const f = await studioFixture();
    const cdp = await f.page.context().newCDPSession(f.page);
    // The floor: the same page before any project is opened, and Chromium's idle spare renderer (no page at all).
    await f.page.evaluate(() => (location.hash = '#/studio'));
    await f.page.waitForTimeout(500);
    await cdp.send('HeapProfiler.collectGarbage');
    const beforeOpenMiB = pageRenderer()?.rssMiB ?? NaN;
    const samples: { waveforms: number; playable: number; heard: number }[] = [];
    for (let i = 0; i < 3; i++) {
      await f.page.evaluate(() => (location.hash = '#/studio'));
      await f.page.waitForTimeout(300);
      samples.push(await openInPage(f.page, f.openProject, 16, true));
    }
    // Memory while playing (every track's rings in use), garbage collected first, so the figure is what playback holds.
    await f.page.click('button[aria-label="Play"]');
    await f.page.waitForTimeout(3000);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.detach();
    // Only the renderers of the Chromium this bench launched (the machine is shared), and of those the page's own.
    const page = pageRenderer();
    const renderers = ownRenderers();
    const memoryMiB = page?.rssMiB ?? NaN;
    const resident = page ? residentBreakdown(page.pid) : {};
    const idleRendererMiB = Math.min(...renderers.filter((r) => !r.webui && r.pid !== page?.pid).map((r) => r.rssMiB));
    const allRenderersMiB = renderers.reduce((n, r) => n + r.rssMiB, 0);
    // What the page's JavaScript, canvases and workers hold, by the page's own account (JS includes the array
    // buffers it allocated: the stream rings on the page, the PCM blocks and stretchers' WASM memories in the workers).
    const breakdown = await f.page.evaluate(async () => {
      const measure = (
        performance as unknown as {
          measureUserAgentSpecificMemory?: () => Promise<{ bytes: number; breakdown: { bytes: number; types: string[]; attribution: { scope?: string }[] }[] }>;
        }
      ).measureUserAgentSpecificMemory;
      const m = await measure?.call(performance);
      const sum = (test: (b: { types: string[]; attribution: { scope?: string }[] }) => boolean) =>
        Math.round((m?.breakdown.filter(test).reduce((n, b) => n + b.bytes, 0) ?? 0) / 2 ** 20);
      return {
        pageJsMiB: sum((b) => b.types.includes('JavaScript') && b.attribution.some((a) => a.scope === 'Window')),
        canvasMiB: sum((b) => b.types.includes('Canvas')),
        workersJsMiB: sum((b) => b.attribution.some((a) => a.scope === 'DedicatedWorkerGlobalScope')),
      };
    });
    // Canvas pixels as the DOM has them (wavesurfer's canvases live in shadow roots), to check the figure above.
    const canvases = await f.page.evaluate(() => {
      let bytes = 0;
      let count = 0;
      const walk = (root: Document | ShadowRoot) => {
        for (const c of root.querySelectorAll('canvas')) [bytes, count] = [bytes + c.width * c.height * 4, count + 1];
        for (const e of root.querySelectorAll('*')) if (e.shadowRoot) walk(e.shadowRoot);
      };
      walk(document);
      return { canvasCount: count, canvasPixelsMiB: Math.round(bytes / 2 ** 20) };
    });
    const underruns = await f.page.evaluate(() => window.stemroomStudio!.engine.underruns);
    await f.page.click('button[aria-label="Pause"]');
    const peer: number[] = [];
    for (let i = 0; i < 3; i++) {
      peer.push(
        await f.page.evaluate(async () => {
          const doc = window.stemroomStudio!.document;
          const started = performance.now();
          const context = new OfflineAudioContext(2, 1, 44100);
          await Promise.all(doc.sources.map(async (s) => context.decodeAudioData(await (await fetch(`./media/${s.sha256}`)).arrayBuffer())));
          return performance.now() - started;
        }),
      );
    }
    const heard = median(samples.map((s) => s.heard));
    return {
      unit: 'ms from opening until the audio is heard (Play pressed once enabled)',
      ours: {
        median: heard,
        samples: samples.map((s) => round(s.heard)),
        extra: {
          playEnabledMs: median(samples.map((s) => s.playable)),
          waveformsDrawnMs: median(samples.map((s) => s.waveforms)),
          pageRendererRssMiBWhilePlaying: memoryMiB,
          pageRendererBeforeOpenMiB: beforeOpenMiB,
          idleRendererMiB,
          allRenderersRssMiB: allRenderersMiB,
          ...resident,
          ...breakdown,
          ...canvases,
          underrunsWhilePlaying: underruns,
          wholeSongDecodedWouldBeMiB: round((16 * 240 * 44100 * 2 * 4) / 2 ** 20, 0),
        },
      },
      peerName: 'fetch + decodeAudioData of the 16 stems in the same page (no app)',
      peer: { median: median(peer), samples: peer.map((p) => round(p)) },
      goal: { description: "audio heard ≤ 1 s after opening; the page's renderer ≤ 400 MiB while playing", met: heard <= 1000 && memoryMiB <= 400 },
    };
  },
};
