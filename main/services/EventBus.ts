import type { EventName, EventPayloadOf } from '../../shared/contract';

export type EventListener = (event: EventName, payload: unknown) => void;

/** Fans service events out to every connected window or socket. */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  emit<E extends EventName>(event: E, payload: EventPayloadOf<E>): void {
    for (const listener of this.listeners) listener(event, payload);
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
