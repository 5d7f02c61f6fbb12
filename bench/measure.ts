import type { Measurement } from './Workload';

/** Runs `fn` `repeat` times after `warmup` untimed runs; returns the median wall time in ms. */
export async function measure(fn: () => unknown | Promise<unknown>, repeat = 7, warmup = 1): Promise<Measurement> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  return { median: median(samples), samples: samples.map((s) => round(s)) };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return round(sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2);
}

export function round(value: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
