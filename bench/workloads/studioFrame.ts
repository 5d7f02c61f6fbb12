import type { Page } from 'playwright-core';
import type { Workload } from '../Workload';
import { median, round } from '../measure';
import { openInPage, studioFixture } from './studioBrowser';

interface FrameCost {
  /** Main-thread task time per animation frame, ms (CDP Performance.getMetrics TaskDuration). */
  readonly taskMs: number;
  /** Of which JavaScript, ms per frame. */
  readonly scriptMs: number;
  readonly layoutAndStyleMs: number;
  readonly frames: number;
}

/** Main-thread cost per frame over `seconds`: CDP's cumulative task, script, layout and style durations, frames counted by requestAnimationFrame. */
async function frameCost(page: Page, seconds: number): Promise<FrameCost> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const read = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const before = await read();
  const frames = await page.evaluate(
    (ms) =>
      new Promise<number>((resolve) => {
        let count = 0;
        const end = performance.now() + ms;
        const tick = () => (++count, performance.now() < end ? requestAnimationFrame(tick) : resolve(count));
        requestAnimationFrame(tick);
      }),
    seconds * 1000,
  );
  const after = await read();
  await cdp.detach();
  const per = (name: string) => ((after[name]! - before[name]!) * 1000) / frames;
  return { taskMs: per('TaskDuration'), scriptMs: per('ScriptDuration'), layoutAndStyleMs: per('LayoutDuration') + per('RecalcStyleDuration'), frames };
}

export const studioFrame: Workload = {
  name: 'studio-frame',
  description: 'main-thread work per animation frame while the 16 × 4 min project plays (position, meters, playhead), vs the same page stopped',
  async run() {
    const f = await studioFixture();
    await f.page.evaluate(() => (location.hash = '#/studio'));
    await f.page.waitForTimeout(300);
    await openInPage(f.page, f.openProject, 16);
    const playing: FrameCost[] = [];
    const idle: FrameCost[] = [];
    for (let i = 0; i < 3; i++) {
      await f.page.click('button[aria-label="Play"]');
      await f.page.waitForTimeout(1500);
      playing.push(await frameCost(f.page, 5));
      await f.page.click('button[aria-label="Pause"]');
      await f.page.waitForTimeout(500);
      idle.push(await frameCost(f.page, 5));
    }
    const m = (xs: FrameCost[], k: keyof FrameCost) => round(median(xs.map((x) => x[k])), 2);
    return {
      unit: 'ms of main-thread work per frame while playing',
      ours: {
        median: m(playing, 'taskMs'),
        samples: playing.map((p) => round(p.taskMs, 2)),
        extra: { scriptMsPerFrame: m(playing, 'scriptMs'), layoutAndStyleMsPerFrame: m(playing, 'layoutAndStyleMs'), framesIn5s: m(playing, 'frames') },
      },
      peerName: 'the same studio page, stopped',
      peer: { median: m(idle, 'taskMs'), samples: idle.map((p) => round(p.taskMs, 2)), extra: { framesIn5s: m(idle, 'frames') } },
      goal: { description: 'playing costs ≤ 4 ms of main-thread work per frame (a quarter of a 60 Hz frame)', met: m(playing, 'taskMs') <= 4 },
    };
  },
};
