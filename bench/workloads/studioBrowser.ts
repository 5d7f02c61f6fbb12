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
import type {} from '../../renderer/places/studio/useStudioAutomation';

const bin = path.resolve('bin/stemroom.js');
const cli = (dataDir: string, args: string[]) => JSON.parse(spawnSync(process.execPath, [bin, ...args, '--json', '--data-dir', dataDir], { encoding: 'utf8', maxBuffer: 1 << 26 }).stdout);

interface StudioFixture {
  serve: RunningServe;
  browser: Browser;
  page: Page;
  openProject: string;
  cleanup(): Promise<void>;
}

let fixture: Promise<StudioFixture> | undefined;

/** The browser host with a 16 × 4 min benchmark project, and Chromium on the app. */
function studioFixture(): Promise<StudioFixture> {
  fixture ??= (async () => {
    if (!fs.existsSync('dist/main/cli.mjs')) spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
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

/** Resident memory of Chromium's renderer processes, MiB (Linux /proc). */
function rendererRssMiB(): number {
  let kib = 0;
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmdline.includes('chromium') || !cmdline.includes('--type=renderer')) continue;
      kib += Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // the process ended
    }
  }
  return Math.round(kib / 1024);
}

/** Opens a project in the page; resolves with ms until every track's waveform is drawn and until playback can start. */
function openInPage(page: Page, projectId: string, tracks: number) {
  return page.evaluate(
    async ({ projectId, tracks }) => {
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
        [...el.querySelectorAll('div')].some((host) => [...(host.shadowRoot?.querySelectorAll('canvas') ?? [])].some((canvas) => hasInk(canvas as HTMLCanvasElement)));
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
      return { waveforms, playable };
    },
    { projectId, tracks },
  );
}

export const projectOpen: Workload = {
  name: 'project-open',
  description: 'open a 16 stems × 4 min project in Chromium until every waveform is drawn (cached peaks) and playback can start, vs fetching and decoding the same 16 files',
  async run() {
    const f = await studioFixture();
    const samples: { waveforms: number; playable: number }[] = [];
    for (let i = 0; i < 3; i++) {
      await f.page.evaluate(() => (location.hash = '#/studio'));
      await f.page.waitForTimeout(300);
      samples.push(await openInPage(f.page, f.openProject, 16));
    }
    // Memory once the page has settled: garbage collected (as it would be after a while), so the figure is what the open project holds.
    const cdp = await f.page.context().newCDPSession(f.page);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.detach();
    const memoryMiB = rendererRssMiB();
    const heap = await f.page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
    const peer: number[] = [];
    for (let i = 0; i < 3; i++) {
      peer.push(
        await f.page.evaluate(async () => {
          const doc = window.stemroomStudio!.document;
          const started = performance.now();
          const context = new OfflineAudioContext(2, 1, 48000);
          await Promise.all(doc.sources.map(async (s) => context.decodeAudioData(await (await fetch(`./media/${s.sha256}`)).arrayBuffer())));
          return performance.now() - started;
        }),
      );
    }
    const waveforms = median(samples.map((s) => s.waveforms));
    const playable = median(samples.map((s) => s.playable));
    return {
      unit: 'ms until playable',
      ours: { median: playable, samples: samples.map((s) => round(s.playable)), extra: { waveformsDrawnMs: waveforms, rendererRssMiB: memoryMiB, jsHeapMiB: round(heap / 2 ** 20, 0), decodedAudioMiB: round((16 * 240 * 48000 * 2 * 4) / 2 ** 20, 0) } },
      peerName: 'fetch + decodeAudioData of the 16 stems in the same page (no app)',
      peer: { median: median(peer), samples: peer.map((p) => round(p)) },
      goal: { description: 'waveforms drawn ≤ 1 s with cached peaks (playback needs decoded audio)', met: waveforms <= 1000 },
    };
  },
};
