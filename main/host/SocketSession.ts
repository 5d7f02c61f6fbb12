import type { WebSocket } from 'ws';
import type { Dispatcher } from '../services/Dispatcher';
import type { EventBus } from '../services/EventBus';

/** Wire format of the browser host's WebSocket, both directions. */
export type ClientMessage = { id: number; channel: string; request: unknown };
export type ServerMessage = { id: number; result: unknown } | { event: string; payload: unknown };

/**
 * One connected page: requests in, results and events out. A malformed
 * message gets a readable error (or, without an id, closes the socket);
 * nothing malformed reaches a handler.
 */
export function attachSocketSession(socket: WebSocket, dispatcher: Dispatcher, events: EventBus): void {
  const send = (message: ServerMessage) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };
  const unsubscribe = events.subscribe((event, payload) => send({ event, payload }));
  socket.on('close', unsubscribe);
  socket.on('message', async (data, isBinary) => {
    const message = isBinary ? undefined : parseClientMessage(data.toString());
    if (!message) {
      socket.close(1003, 'Expected JSON {id, channel, request}.');
      return;
    }
    send({ id: message.id, result: await dispatcher.dispatch(message.channel, message.request, { host: 'browser' }) });
  });
}

function parseClientMessage(text: string): ClientMessage | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { id, channel, request } = value as Record<string, unknown>;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || typeof channel !== 'string') return undefined;
  return { id, channel, request };
}
