/**
 * The renderer's client of the contract. It picks the transport (the
 * Electron preload's `window.stemroom`, or a WebSocket to the browser host)
 * and validates every response and event with the contract's schemas.
 */
import {
  endpoints,
  events,
  type Channel,
  type EventName,
  type EventPayloadOf,
  type RequestOf,
  type ResponseOf,
  type ServiceErrorShape,
  type StemroomTransport,
} from '../shared/contract';
import { serviceErrorSchema } from '../shared/contract/serviceError';
import { formatIssues } from '../shared/contract/formatIssues';
import { WebSocketTransport } from './WebSocketTransport';

/** A failed request, with the service's readable message. */
export class BridgeError extends Error {
  readonly code: ServiceErrorShape['code'];
  readonly details: unknown;
  constructor(error: ServiceErrorShape) {
    super(error.message);
    this.name = 'BridgeError';
    this.code = error.code;
    this.details = error.details;
  }
}

declare global {
  interface Window {
    stemroom?: StemroomTransport;
  }
}

export class Bridge {
  constructor(readonly transport: StemroomTransport) {}

  /** Calls a contract channel; throws a BridgeError with the service's message on failure. */
  async call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
    const result = await this.transport.invoke(channel, request);
    if (typeof result !== 'object' || result === null || !('ok' in result)) {
      throw new BridgeError({ code: 'internal', message: `${channel}: the library sent an unreadable answer.` });
    }
    if (!result.ok) {
      const error = serviceErrorSchema.safeParse(result.error);
      throw new BridgeError(error.success ? error.data : { code: 'internal', message: `${channel} failed.` });
    }
    const parsed = endpoints[channel].response.safeParse(result.value);
    if (!parsed.success) {
      throw new BridgeError({ code: 'internal', message: `${channel}: unexpected answer (${formatIssues(parsed.error).join('; ')}).` });
    }
    return parsed.data as ResponseOf<C>;
  }

  /** Subscribes to a contract event; malformed payloads are dropped with a console warning. */
  on<E extends EventName>(event: E, listener: (payload: EventPayloadOf<E>) => void): () => void {
    return this.transport.on(event, (payload) => {
      const parsed = events[event].safeParse(payload);
      if (parsed.success) listener(parsed.data as EventPayloadOf<E>);
      else console.warn(`Stemroom: dropped malformed ${event} event`, formatIssues(parsed.error));
    });
  }

  get host(): 'electron' | 'browser' {
    return this.transport.host;
  }
}

/** The bridge for this page: Electron's preload if present, else the browser host's WebSocket. */
export function connectBridge(): Bridge {
  if (window.stemroom) return new Bridge(window.stemroom);
  // Relative to the page: the browser host serves it under a session path (main/host/AccessGuard.ts).
  const socketUrl = new URL('ws', location.href);
  socketUrl.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  socketUrl.hash = '';
  return new Bridge(new WebSocketTransport(socketUrl.href));
}
