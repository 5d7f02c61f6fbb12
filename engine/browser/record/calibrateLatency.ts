import type { AudioInput } from './AudioInput';
import { findOnset } from './findOnset';

/**
 * What a loopback calibration measured: the round trip, how much single clicks disagreed, clicks heard of played.
 *
 * @example
 * const { latencyMs, spreadMs, clicksHeard, clicksPlayed } = await calibrateLatency(input);
 */
export interface LatencyCalibration {
  /** Round trip (output → input) in ms: what a take is moved earlier by. */
  readonly latencyMs: number;
  /** Largest difference between single clicks' measurements, ms; large means an unreliable loop. */
  readonly spreadMs: number;
  readonly clicksHeard: number;
  readonly clicksPlayed: number;
  /** Context times the clicks were scheduled at (seconds). */
  readonly clickTimes: readonly number[];
}

export const CALIBRATION_INTERVAL_SEC = 0.5;
const CLICKS = 8;

/**
 * Loopback calibration: plays clicks every 0.5 s, records the input (a
 * cable from output to input, or the microphone held to the speaker),
 * finds each click's onset and takes the median distance from where it was
 * scheduled. Round trips up to 0.5 s can be measured.
 *
 * @example
 * const result = await calibrateLatency(input);   // throws a readable message when too few clicks came back
 * await bridge.call('settings.update', { inputLatencyMs: { [input.deviceId]: result.latencyMs } });
 */
export async function calibrateLatency(input: AudioInput): Promise<LatencyCalibration> {
  const context = input.context;
  await context.resume();
  const first = context.currentTime + 0.3;
  const clickTimes = Array.from({ length: CLICKS }, (_, k) => first + k * CALIBRATION_INTERVAL_SEC);
  const output = context.createGain();
  output.connect(context.destination);
  input.startCapture();
  for (const time of clickTimes) {
    // A 2 ms full-scale burst: a sharp onset, easy to find again.
    const burst = context.createOscillator();
    burst.type = 'square';
    burst.frequency.value = 2000;
    burst.connect(output);
    burst.start(time);
    burst.stop(time + 0.002);
  }
  const end = clickTimes.at(-1)! + CALIBRATION_INTERVAL_SEC;
  await new Promise((resolve) => setTimeout(resolve, (end - context.currentTime) * 1000 + 100));
  const captured = await input.stopCapture();
  output.disconnect();
  const sr = captured.sampleRate;
  const samples = captured.channels[0]!;
  const measured: number[] = [];
  for (const time of clickTimes) {
    const from = time * sr - captured.startFrame;
    const onset = findOnset(samples, from, from + CALIBRATION_INTERVAL_SEC * sr);
    if (onset !== null) measured.push(((onset - from) / sr) * 1000);
  }
  if (measured.length < CLICKS / 2) {
    throw new Error(
      `Only ${measured.length} of ${CLICKS} clicks came back. Connect the output to the input (or hold the microphone to the speaker), turn the volume up and try again.`,
    );
  }
  const sorted = [...measured].sort((a, b) => a - b);
  const median = sorted.length % 2 ? sorted[sorted.length >> 1]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
  return {
    latencyMs: Math.round(median * 100) / 100,
    spreadMs: Math.round((sorted.at(-1)! - sorted[0]!) * 100) / 100,
    clicksHeard: measured.length,
    clicksPlayed: CLICKS,
    clickTimes,
  };
}
