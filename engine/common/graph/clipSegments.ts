import type { ClipPlacement } from './clipPlacement';

/** A stretch of a clip heard from one start: timeline seconds `start…end`, from `bufferStart` seconds into its prepared audio. */
export interface ClipSegment {
  readonly start: number;
  readonly end: number;
  readonly bufferStart: number;
}

/**
 * What a clip plays from timeline second `from` on: one segment, or one
 * per loop repetition (each from the loop's start in the prepared audio).
 * The offline render plays each as a buffer source, the live stream as a
 * run of its worker — the same segments either way.
 */
export function clipSegments(placement: ClipPlacement, from: number): ClipSegment[] {
  const { start, end } = placement;
  const segments: ClipSegment[] = [];
  const add = (segmentStart: number, segmentEnd: number) => {
    const startAt = Math.max(segmentStart, from);
    if (segmentEnd > startAt) segments.push({ start: startAt, end: segmentEnd, bufferStart: placement.bufferOffset + (startAt - segmentStart) });
  };
  if (end <= from) return segments;
  if (placement.loop === null) add(start, end);
  else for (let loopStart = start; loopStart < end; loopStart += placement.loop) add(loopStart, Math.min(end, loopStart + placement.loop));
  return segments;
}
