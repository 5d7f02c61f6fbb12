/** A message for the status bar: service errors, finished tasks. */
export interface Notice {
  readonly id: number;
  readonly kind: 'error' | 'info';
  readonly text: string;
  readonly at: number;
}

/**
 * App-wide notices outside React, so non-component code (bridge calls,
 * the engine) can report and components subscribe.
 */
export class Notifications {
  private notices: readonly Notice[] = [];
  private nextId = 1;
  private readonly listeners = new Set<() => void>();

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly snapshot = (): readonly Notice[] => this.notices;

  error(text: string): void {
    this.push('error', text);
  }

  info(text: string): void {
    this.push('info', text);
  }

  dismiss(id: number): void {
    this.notices = this.notices.filter((n) => n.id !== id);
    this.changed();
  }

  private push(kind: Notice['kind'], text: string): void {
    this.notices = [...this.notices.slice(-19), { id: this.nextId++, kind, text, at: Date.now() }];
    this.changed();
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}

export const notifications = new Notifications();
