import type { Channel, EventName, Result, StemroomTransport } from '../shared/contract';

type Pending = { resolve: (result: Result<unknown>) => void };
export type ConnectionState = 'connecting' | 'open' | 'closed';

const RECONNECT_MS = 1000;

/**
 * The contract over the browser host's WebSocket. The access cookie set on
 * first visit authenticates the socket. Requests made while (re)connecting
 * wait; a dropped connection fails the requests in flight with a readable
 * error and reconnects.
 */
export class WebSocketTransport implements StemroomTransport {
  readonly host = 'browser' as const;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Map<string, Set<(payload: unknown) => void>>();
  private readonly stateListeners = new Set<(state: ConnectionState) => void>();
  private opened: Promise<WebSocket> | undefined;

  constructor(
    private readonly url: string,
    private readonly createSocket: (url: string) => WebSocket = (url) => new WebSocket(url),
  ) {}

  invoke<C extends Channel>(channel: C, request: unknown): Promise<Result<unknown>> {
    return this.connect().then(
      (socket) =>
        new Promise<Result<unknown>>((resolve) => {
          const id = this.nextId++;
          this.pending.set(id, { resolve });
          socket.send(JSON.stringify({ id, channel, request }));
        }),
      () => ({ ok: false, error: { code: 'unavailable', message: 'Cannot reach the Stemroom host. Is `stemroom serve` still running?' } }),
    );
  }

  on(event: EventName, listener: (payload: unknown) => void): () => void {
    const set = this.listeners.get(event) ?? new Set();
    set.add(listener);
    this.listeners.set(event, set);
    void this.connect().catch(() => undefined);
    return () => set.delete(listener);
  }

  onStateChange(listener: (state: ConnectionState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  private connect(): Promise<WebSocket> {
    this.opened ??= new Promise<WebSocket>((resolve, reject) => {
      this.emitState('connecting');
      const socket = this.createSocket(this.url);
      socket.onopen = () => {
        this.emitState('open');
        resolve(socket);
      };
      socket.onmessage = (message) => this.receive(String(message.data));
      socket.onclose = () => {
        this.opened = undefined;
        this.emitState('closed');
        for (const [id, pending] of this.pending) {
          pending.resolve({ ok: false, error: { code: 'unavailable', message: 'The connection to the Stemroom host was lost.' } });
          this.pending.delete(id);
        }
        reject(new Error('closed'));
        if (this.listeners.size > 0) setTimeout(() => void this.connect().catch(() => undefined), RECONNECT_MS);
      };
    });
    return this.opened;
  }

  private receive(text: string): void {
    let message: { id?: number; result?: Result<unknown>; event?: string; payload?: unknown };
    try {
      message = JSON.parse(text);
    } catch {
      return;
    }
    if (typeof message.id === 'number') {
      this.pending.get(message.id)?.resolve(message.result as Result<unknown>);
      this.pending.delete(message.id);
    } else if (typeof message.event === 'string') {
      for (const listener of this.listeners.get(message.event) ?? []) listener(message.payload);
    }
  }

  private emitState(state: ConnectionState): void {
    for (const listener of this.stateListeners) listener(state);
  }
}
