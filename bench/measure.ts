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

/**
 * Two workloads timed in alternation — a, b, a, b… after one untimed run
 * of each — so that load drifting on a shared machine reaches both alike.
 */
export async function measurePair(
  a: () => unknown | Promise<unknown>,
  b: () => unknown | Promise<unknown>,
  repeat = 5,
): Promise<{ ours: Measurement; peer: Measurement }> {
  await a();
  await b();
  const [samplesA, samplesB]: number[][] = [[], []];
  for (let i = 0; i < repeat; i++) {
    for (const [fn, samples] of [
      [a, samplesA],
      [b, samplesB],
    ] as const) {
      const started = performance.now();
      await fn();
      samples.push(performance.now() - started);
    }
  }
  return {
    ours: { median: median(samplesA), samples: samplesA.map((s) => round(s)) },
    peer: { median: median(samplesB), samples: samplesB.map((s) => round(s)) },
  };
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
