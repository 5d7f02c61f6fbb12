import type { Store } from '../Store';
import type { EngineState } from './EngineState';
import type { StreamStats } from './streaming/LiveStreams';

/**
 * Carries the stream's underrun count and error into the engine's state.
 * Every stream node reports ~20 times a second; while audio is missing each
 * report is a new count, and `state` re-renders the toolbar — so the count
 * reaches it at most every `ms`, an error at once.
 *
 * @example
 * followStreamStats(streams.stats, engine.state, 250);
 */
export function followStreamStats(stats: Store<StreamStats>, state: Store<EngineState>, ms: number): void {
  let pending: ReturnType<typeof setTimeout> | undefined;
  const publish = () => {
    pending = undefined;
    const { underruns, error } = stats.get();
    state.set({ underruns, ...(error ? { error } : {}) });
  };
  stats.subscribe(() => {
    if (stats.get().error && stats.get().error !== state.get().error) publish();
    else pending ??= setTimeout(publish, ms);
  });
}
