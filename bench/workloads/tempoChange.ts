import type { Page } from 'playwright-core';
import type { Workload } from '../Workload';
import { median, round } from '../measure';
import { openInPage, studioFixture } from './studioBrowser';
import type {} from '../../renderer/places/studio/useStudioAutomation';

/** Longer than this counts as not heard (the stream workers could not keep up). */
const HEARD_WITHIN_MS = 10_000;

/**
 * Milliseconds from a user's action (its DOM event, seen first, in the
 * capture phase) until the engine's answer is at the speakers (EngineState
 * heardAt: its first frame, output latency included) — while playing.
 */
async function timeUntilHeard(page: Page, eventType: 'keydown' | 'pointerup', act: () => Promise<void>): Promise<number | null> {
  const before = await page.evaluate(() => window.stemroomStudio!.engine.heardAt ?? 0);
  await page.evaluate((type) => {
    const w = window as unknown as { actedAt?: number };
    delete w.actedAt;
    window.addEventListener(type, () => (w.actedAt ??= performance.now()), { capture: true, once: true });
  }, eventType);
  await act();
  const heard = await page
    .waitForFunction((before) => (window.stemroomStudio!.engine.heardAt ?? 0) > before, before, { timeout: HEARD_WITHIN_MS, polling: 20 })
    .then(
      () => true,
      () => false,
    );
  if (!heard) return null;
  return page.evaluate(() => window.stemroomStudio!.engine.heardAt! - (window as unknown as { actedAt: number }).actedAt);
}

export const tempoChange: Workload = {
  name: 'tempo-change',
  description:
    'while the 16 × 4 min project plays: a tempo change typed in the toolbar until the new tempo is heard (16 streams re-stretched from the playhead), vs a click on the ruler until audio from the new place is heard (the same streams refilled, no tempo change)',
  async run() {
    const f = await studioFixture();
    await f.page.evaluate(() => (location.hash = '#/studio'));
    await f.page.waitForTimeout(300);
    await openInPage(f.page, f.openProject, 16);
    const tempo = f.page.getByRole('spinbutton', { name: 'Tempo (BPM)' });
    const ruler = f.page.getByTestId('ruler');
    const underrunsBefore = await f.page.evaluate(() => window.stemroomStudio!.engine.underruns);
    await f.page.click('button[aria-label="Play"]');
    await f.page.waitForFunction(() => window.stemroomStudio!.engine.positionBeats > 1, null, { timeout: 30_000 });
    const ours: (number | null)[] = [];
    const peer: (number | null)[] = [];
    for (const [i, bpm] of [128, 112, 136, 104, 120].entries()) {
      await f.page.waitForTimeout(1500);
      await tempo.fill(String(bpm));
      ours.push(await timeUntilHeard(f.page, 'keydown', () => tempo.press('Enter')));
      await f.page.waitForTimeout(1500);
      // A click where the ruler is on screen (a locator click would first scroll the timeline to the ruler's start).
      const box = (await ruler.boundingBox())!;
      peer.push(await timeUntilHeard(f.page, 'pointerup', () => f.page.mouse.click(700 + 80 * i, box.y + box.height / 2)));
    }
    const state = await f.page.evaluate(() => window.stemroomStudio!.engine);
    await f.page.click('button[aria-label="Pause"]');
    // A change not heard within HEARD_WITHIN_MS counts as that long (and is counted).
    const worst = (xs: (number | null)[]) => xs.map((x) => x ?? HEARD_WITHIN_MS);
    const ms = median(worst(ours));
    return {
      unit: 'ms from Enter until the new tempo is heard',
      ours: {
        median: round(ms),
        samples: worst(ours).map((s) => round(s)),
        extra: {
          notHeardWithin10s: ours.filter((x) => x === null).length,
          underrunsDuring: state.underruns - underrunsBefore,
          busiestStreamWorkerLoad: round(state.stream.workerLoad, 2),
          sharedMemory: String(state.stream.sharedMemory),
        },
      },
      peerName: 'a click on the ruler while playing, until audio from there is heard (refill without re-stretch)',
      peer: {
        median: round(median(worst(peer))),
        samples: worst(peer).map((s) => round(s)),
        extra: { notHeardWithin10s: peer.filter((x) => x === null).length },
      },
      goal: { description: 'the new tempo is heard ≤ 200 ms after Enter, no underruns', met: ms <= 200 && state.underruns === underrunsBefore },
    };
  },
};
