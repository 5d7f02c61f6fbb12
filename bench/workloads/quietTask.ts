import type { TaskHandle } from '../../main/services/TaskRegistry';

/** A task handle nobody watches: benchmarks call services directly. */
export const quietTask: TaskHandle = { signal: new AbortController().signal, progress: () => undefined, throwIfCancelled: () => undefined };

/** Samples this process's resident memory while `work` runs; returns its result and the peak in MiB. */
export async function withPeakRss<T>(work: () => Promise<T>): Promise<{ result: T; peakRssMiB: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  try {
    const result = await work();
    return { result, peakRssMiB: Math.round(Math.max(peak, process.memoryUsage().rss) / 2 ** 20) };
  } finally {
    clearInterval(timer);
  }
}
