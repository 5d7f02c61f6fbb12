/** A buffer source's start(when, offset, duration), in seconds. */
export interface SourceStart {
  readonly when: number;
  readonly offset: number;
  readonly duration: number;
}

const QUANTUM = 128;
/** The `almost` crate's default tolerance for f64 (√ε), which node-web-audio-api snaps times with. */
const TOLERANCE = 1.4901161193847656e-8;
const almostEqual = (a: number, b: number) => a === b || Math.abs(a - b) < TOLERANCE * Math.max(Math.abs(a), Math.abs(b), 2.2250738585072014e-308);
const almostZero = (a: number) => Math.abs(a) < TOLERANCE;

/**
 * Adds what node-web-audio-api's AudioBufferSourceNode plays for
 * `start(when, offset, duration)` — playback rate 1, no loop, a buffer at
 * the context's rate — into `out` (whole-render arrays), each sample scaled
 * by `gain` in float32 as a GainNode after it would. The node's algorithm,
 * render quantum by render quantum: a sample-copy fast track while the
 * source started on a quantum boundary at offset 0, otherwise its per-sample
 * playhead — times accumulated in double precision as it accumulates them,
 * the same sticky snapping, linear interpolation between neighbours (its
 * fused multiply-add rounded twice here: a float32 result differs only in
 * rare ties) — which is what makes a clip starting between samples play
 * exactly as it does live.
 *
 * @example
 * addBufferSource([left, right], clipChannels, 44100, { when: 1.25, offset: 0, duration: 30 }, 0.5);
 */
export function addBufferSource(out: readonly Float32Array[], buffer: readonly Float32Array[], sampleRate: number, start: SourceStart, gain: number): void {
  const sr = Math.fround(sampleRate);
  const length = buffer[0]?.length ?? 0;
  const frames = out[0]?.length ?? 0;
  const bufferDuration = length / sr;
  const dt = 1 / sr;
  const blockDuration = dt * QUANTUM;
  const scale = gainScale(gain);
  if (scale === 0 || length === 0) return;
  const channels = Math.min(out.length, buffer.length);
  let startTime = start.when;
  let offset = start.offset;
  const duration = start.duration;
  let started = false;
  let aligned = false;
  let bufferTime = 0;
  let elapsed = 0;
  const index = new Int32Array(QUANTUM);
  const weight = new Float64Array(QUANTUM);
  // The source's float32 sample, the gain's float32 product, then the float32 sum: each rounded, as the nodes round them.
  const write = (c: number, at: number, value: number) => {
    const o = out[c]!;
    o[at] = o[at]! + (scale === 1 ? Math.fround(value) : Math.fround(Math.fround(value) * scale));
  };
  for (let frame = 0; frame < frames; frame += QUANTUM) {
    const blockTime = frame / sr;
    const nextBlockTime = blockTime + blockDuration;
    if (startTime >= nextBlockTime) continue;
    const quantum = Math.min(QUANTUM, frames - frame);
    if (!started && startTime < blockTime) startTime = blockTime;
    if (startTime === blockTime && offset === 0) aligned = true;
    if (bufferTime + blockDuration > duration) aligned = false;
    if (aligned) {
      if (startTime === blockTime) started = true;
      const first = Math.round(bufferTime * sr);
      for (let c = 0; c < channels; c++) {
        const data = buffer[c]!;
        for (let i = 0; i < quantum && first + i < length; i++) write(c, frame + i, data[first + i]!);
      }
      bufferTime += blockDuration;
      elapsed += blockDuration;
    } else {
      index.fill(-1);
      for (let i = 0; i < QUANTUM; i++) {
        const currentTime = blockTime + i * dt;
        if (!started && almostEqual(currentTime, startTime)) startTime = currentTime;
        if (almostEqual(elapsed, duration)) elapsed = duration;
        if (currentTime < startTime || elapsed >= duration) continue;
        if (!started) {
          const delta = currentTime - startTime;
          offset = Math.min(Math.max(offset + delta, 0), bufferDuration);
          bufferTime = offset;
          elapsed = Math.abs(delta);
          started = true;
        }
        if (almostZero(bufferTime)) bufferTime = 0;
        if (bufferTime >= 0 && bufferTime < bufferDuration) {
          const playhead = bufferTime * sr;
          const floor = Math.floor(playhead);
          if (floor < length) {
            index[i] = floor;
            weight[i] = playhead - floor;
          }
        }
        bufferTime += dt;
        elapsed += Math.abs(dt);
      }
      for (let c = 0; c < channels; c++) {
        const data = buffer[c]!;
        for (let i = 0; i < quantum; i++) {
          const at = index[i]!;
          if (at < 0) continue;
          const k = weight[i]!;
          const previous = data[at]!;
          let next: number;
          if (at + 1 < length) next = data[at + 1]!;
          else next = almostEqual(k, 1) || at === 0 ? 0 : 2 * previous - data[at - 1]!;
          write(c, frame + i, (1 - k) * previous + k * next);
        }
      }
    }
    if (elapsed >= duration || bufferTime >= bufferDuration) return;
  }
}

/** GainNode at a constant value: 0 for |g| ≤ 10⁻⁶, exactly 1 (a copy) for |1 − g| ≤ 10⁻⁶, else g in float32. */
export function gainScale(gain: number): number {
  const g = Math.fround(gain);
  const threshold = Math.fround(1e-6);
  if (Math.abs(g) <= threshold) return 0;
  if (Math.abs(Math.fround(1 - g)) <= threshold) return 1;
  return g;
}
