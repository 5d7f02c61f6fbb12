import os from 'node:os';

/** How much nicer than the process a render thread runs: the main thread (the window, the contract) comes first. */
const NICER_BY = 5;

/**
 * Lowers the scheduling priority of the calling thread — on Linux a
 * thread's nice value is its own, and threads it starts inherit it (so the
 * audio contexts' render threads follow their worker). Render workers call
 * it first: with every core busy rendering, the main thread must still get
 * a core at once to answer the contract. Where the OS does not allow it,
 * nothing changes.
 *
 * @example
 * lowerThreadPriority(); // at the top of a worker's entry
 */
export function lowerThreadPriority(): void {
  try {
    os.setPriority(0, Math.min(19, os.getPriority(0) + NICER_BY));
  } catch {
    // Not permitted or not supported here: run at the process's priority.
  }
}
