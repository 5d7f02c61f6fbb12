import type { CapturedAudio } from './CapturedAudio';
import { sliceCapture } from './CapturedAudio';

/** When and from where the transport played while a take was captured. */
export interface TakeTiming {
  /** Context time the transport started at. */
  readonly transportStartTime: number;
  /** Timeline seconds the transport started from. */
  readonly transportStartSeconds: number;
  /** Measured round-trip latency, seconds. */
  readonly latencySec: number;
  /** Keep only this timeline span (punch in/out), seconds; default: from where the transport started. */
  readonly keepFromSeconds?: number;
  readonly keepToSeconds?: number;
}

export interface PlacedTake {
  readonly audio: CapturedAudio;
  /** Where the take's first sample belongs on the timeline, seconds. */
  readonly timelineStartSeconds: number;
}

/**
 * Latency compensation: the sample captured at context frame F was played
 * by the performer at timeline time transportStartSeconds + (F / sr −
 * transportStartTime) − latency (they heard the transport `latency`
 * earlier than it reached the input). The take is trimmed to what was
 * played from the record point (or inside the punch range).
 *
 * @example
 * const captured = await input.stopCapture();
 * const placed = placeTake(captured, { transportStartTime: startTime, transportStartSeconds: startSeconds, latencySec: 0.012 });
 * placed.timelineStartSeconds;   // where the take's first sample goes on the timeline
 */
export function placeTake(captured: CapturedAudio, timing: TakeTiming): PlacedTake {
  const sr = captured.sampleRate;
  const frameAt = (timelineSeconds: number) => (timelineSeconds - timing.transportStartSeconds + timing.transportStartTime + timing.latencySec) * sr;
  const from = frameAt(timing.keepFromSeconds ?? timing.transportStartSeconds);
  const to = timing.keepToSeconds === undefined ? Infinity : frameAt(timing.keepToSeconds);
  const audio = sliceCapture(captured, from, to);
  return { audio, timelineStartSeconds: timing.transportStartSeconds + audio.startFrame / sr - timing.transportStartTime - timing.latencySec };
}
