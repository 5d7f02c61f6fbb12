import { useSyncExternalStore } from 'react';
import type { Store } from '../../../engine/browser/Store';

/**
 * Subscribes a component to a Store (engine or session state) — or, with
 * `select`, to one value of it: the component re-renders only when that
 * value changes (select something stable: a number, a string, an object
 * the store keeps). The engine's position changes every frame; only the
 * few components that show it select it.
 *
 * @example
 * const playing = useStore(session.engine.state, (s) => s.playing);
 * const beat = useStore(session.engine.position, (p) => p.positionBeats);
 */
export function useStore<T extends object>(store: Store<T>): T;
export function useStore<T extends object, S>(store: Store<T>, select: (state: T) => S): S;
export function useStore<T extends object, S>(store: Store<T>, select?: (state: T) => S): T | S {
  return useSyncExternalStore<T | S>(store.subscribe, select ? () => select(store.get()) : store.get);
}
