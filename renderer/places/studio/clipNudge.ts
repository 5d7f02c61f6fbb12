import type { Snap } from './StudioSession';

/** Alt+arrow: a sixteenth note. */
export const FINE_NUDGE_BEATS = 0.25;

/**
 * How far one arrow key press moves a focused clip, as DAWs do: one grid
 * step (a bar or a beat, as Snap says; a beat with the grid off), or with
 * Alt a sixteenth note.
 *
 * @example nudgeStep('bar', 4, false) // 4
 * @example nudgeStep('bar', 4, true) // 0.25
 */
export function nudgeStep(snap: Snap, beatsPerBar: number, fine: boolean): number {
  if (fine) return FINE_NUDGE_BEATS;
  return snap === 'bar' ? beatsPerBar : 1;
}

/**
 * A clip's start after one nudge: moved by `step` beats (keeping its offset
 * from the grid, as a nudge does), never before the start of the song.
 *
 * @example nudgedStart(1.25, -1, 1) // 0.25
 * @example nudgedStart(0.25, -1, 1) // 0
 */
export function nudgedStart(start: number, direction: -1 | 1, step: number): number {
  return Math.max(0, Math.round((start + direction * step) * 1e6) / 1e6);
}
