/**
 * Observable engine state: components subscribe (useSyncExternalStore),
 * the engine sets. Snapshots are immutable, so React re-renders only on change.
 *
 * @example
 * const state = new Store({ playing: false, beat: 0 });
 * const unsubscribe = state.subscribe(() => console.log(state.get().playing));
 * state.set({ playing: true });   // listeners run; setting the same value again does not
 */
export class Store<T extends object> {
  private state: T;
  private readonly listeners = new Set<() => void>();

  constructor(initial: T) {
    this.state = initial;
  }

  readonly get = (): T => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  set(changes: Partial<T>): void {
    const keys = Object.keys(changes) as (keyof T)[];
    if (keys.every((key) => Object.is(this.state[key], changes[key]))) return;
    this.state = { ...this.state, ...changes };
    for (const listener of this.listeners) listener();
  }
}
