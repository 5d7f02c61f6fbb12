import type { ClipPlacement } from '../graph/clipPlacement';
import { clipSegments } from '../graph/clipSegments';

/** One stretch of a run: `frames` frames from source frame `sourceFrame` (at the engine's rate), stretched and shifted as given. */
export interface RunSegment {
  readonly frames: number;
  readonly sourceFrame: number;
  readonly timeFactor: number;
  readonly semitones: number;
}

/**
 * What the live stream plays for one clip from one start: `frames` frames
 * beginning `offset` frames after the transport's anchor (the frame where
 * timeline second `from` plays), made of back-to-back segments (loop
 * repetitions restart the stretcher at the loop's start, as the offline
 * render's buffer sources do).
 */
export interface RunPlan {
  readonly clipId: string;
  readonly sha256: string;
  readonly offset: number;
  readonly frames: number;
  readonly segments: readonly RunSegment[];
}

/**
 * The run that plays `placement` from timeline second `from`, in frames at
 * `sampleRate`; null when the clip has ended by then. A segment starting
 * at its beginning reads its source exactly where the offline render's
 * prepared audio does (the same first frame, the same stretcher start).
 *
 * @example
 * const run = planRun(placement, 180, 44100); // the clip heard from 3:00
 */
export function planRun(placement: ClipPlacement, from: number, sampleRate: number): RunPlan | null {
  const segments = clipSegments(placement, from);
  if (segments.length === 0) return null;
  const frameAt = (seconds: number) => Math.round((seconds - from) * sampleRate);
  const { timeFactor, semitones, span } = placement.preparation;
  const offset = frameAt(segments[0]!.start);
  const planned = segments.map((segment, i): RunSegment => {
    const startFrame = frameAt(segment.start);
    const endFrame = i + 1 < segments.length ? frameAt(segments[i + 1]!.start) : frameAt(segment.end);
    // Prepared audio: the untouched source, or the span stretched from its first frame.
    const sourceFrame = span
      ? Math.round(span.start * sampleRate) + Math.round((segment.bufferStart * sampleRate) / timeFactor)
      : Math.round(segment.bufferStart * sampleRate);
    return { frames: Math.max(0, endFrame - startFrame), sourceFrame, timeFactor: span ? timeFactor : 1, semitones: span ? semitones : 0 };
  });
  const frames = planned.reduce((n, s) => n + s.frames, 0);
  return frames > 0 ? { clipId: placement.clip.id, sha256: placement.preparation.sha256, offset, frames, segments: planned } : null;
}
