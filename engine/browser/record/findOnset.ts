/**
 * The first sample of a click in `samples[from, to)`: the first sample
 * reaching half the window's peak. Null when the window holds no click (its
 * peak is below `floor`, e.g. the microphone did not hear the speaker).
 */
export function findOnset(samples: Float32Array, from: number, to: number, floor = 0.02): number | null {
  const start = Math.max(0, Math.floor(from));
  const end = Math.min(samples.length, Math.ceil(to));
  let peak = 0;
  for (let i = start; i < end; i++) peak = Math.max(peak, Math.abs(samples[i]!));
  if (peak < floor) return null;
  const threshold = peak / 2;
  for (let i = start; i < end; i++) if (Math.abs(samples[i]!) >= threshold) return i;
  return null;
}
