import { useSyncExternalStore } from 'react';
import type { Store } from '../../../engine/browser/Store';

/** Subscribes a component to a Store (engine or session state). */
export function useStore<T extends object>(store: Store<T>): T {
  return useSyncExternalStore(store.subscribe, store.get);
}
