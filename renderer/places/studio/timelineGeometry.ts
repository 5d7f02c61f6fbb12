import { beatsToSeconds, secondsToBeats } from '../../../shared/project/timing';

/** Width of the track headers column and height of the ruler, in pixels (both stick to the arrangement's scroll area). */
export const HEADER_WIDTH = 190;
export const RULER_HEIGHT = 30;

/** Timeline pixels ↔ beats at a zoom (pixels per second) and tempo. */
export const beatToX = (beat: number, bpm: number, zoom: number) => beatsToSeconds(beat, bpm) * zoom;
export const xToBeat = (x: number, bpm: number, zoom: number) => secondsToBeats(x / zoom, bpm);

/** "3.2.1" — bar, beat, sixteenth, counted from 1 as DAWs do; a count-in before bar 1 reads bar 0 ("0.3.1"). */
export function formatBarsBeats(beat: number, beatsPerBar: number): string {
  const bar = Math.floor(beat / beatsPerBar) + 1;
  const inBar = beat - (bar - 1) * beatsPerBar;
  const beatInBar = Math.floor(inBar) + 1;
  const sixteenth = Math.floor((inBar % 1) * 4) + 1;
  return `${bar}.${beatInBar}.${sixteenth}`;
}

/** A ruler step in beats that keeps labels at least `minPx` apart. */
export function rulerStep(bpm: number, zoom: number, beatsPerBar: number, minPx = 64): number {
  const pxPerBeat = beatToX(1, bpm, zoom);
  for (const beats of [0.25, 0.5, 1, beatsPerBar, beatsPerBar * 2, beatsPerBar * 4, beatsPerBar * 8, beatsPerBar * 16, beatsPerBar * 32]) {
    if (pxPerBeat * beats >= minPx) return beats;
  }
  return beatsPerBar * 64;
}

/**
 * The scroll position that shows lane position `x` in a view `viewWidth`
 * pixels wide now scrolled to `scrollLeft`: unchanged when it is in view
 * (within `edge` px of the right edge counts as out, so a playing playhead
 * turns the page before it reaches the edge), else with `x` 80 px from the
 * left.
 *
 * @example scrollToShow(1920, 0, 1000) // 1840
 */
export function scrollToShow(x: number, scrollLeft: number, viewWidth: number, edge = 0): number {
  if (x >= scrollLeft && x <= scrollLeft + viewWidth - edge) return scrollLeft;
  return Math.max(0, x - 80);
}
