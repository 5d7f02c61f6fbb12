import type { Locator } from 'playwright-core';

/**
 * How many pixels of a wavesurfer waveform are drawn (non-transparent), read
 * from the canvases inside its shadow root: proof that a waveform is on
 * screen, not just an element.
 */
export function waveformInk(waveform: Locator): Promise<number> {
  return waveform.evaluate((element) => {
    let ink = 0;
    for (const host of element.querySelectorAll('div')) {
      for (const canvas of host.shadowRoot?.querySelectorAll('canvas') ?? []) {
        const c = canvas as HTMLCanvasElement;
        if (c.width === 0 || c.height === 0) continue;
        const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) ink++;
      }
    }
    return ink;
  });
}
