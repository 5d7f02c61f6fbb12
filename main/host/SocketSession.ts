import type { RawData, WebSocket } from 'ws';
import type { Result } from '../../shared/contract';
import type { Dispatcher } from '../services/Dispatcher';
import type { EventBus } from '../services/EventBus';
import { logInternalError, oneLine } from '../services/logInternalError';

/** Wire format of the browser host's WebSocket, both directions. */
export type ClientMessage = { id: number; channel: string; request: unknown };
export type ServerMessage = { id: number; result: unknown } | { event: string; payload: unknown };

/** Requests one page may have waiting at once; more are answered with an error, not queued without bound. */
export const MAX_IN_FLIGHT = 256;

/**
 * One connected page: requests in, results and events out. What arrives is
 * judged before anything reaches a handler:
 * - a frame ws cannot accept (bad opcode, RSV bits, unmasked, oversized,
 *   invalid UTF-8…) closes this socket with the protocol's code (ws does
 *   that; the 'error' listener here keeps it from reaching the process);
 * - a message that carries a usable `id` but is otherwise malformed gets an
 *   `invalid-request` result for that id;
 * - a message without a usable id (not JSON, not an object, binary) closes
 *   this socket with 1003 and a reason, since there is nobody to answer;
 * - a handler that throws, or a result that cannot be sent, answers an
 *   `internal` error result. Nothing here ends the process.
 */
export function attachSocketSession(socket: WebSocket, dispatcher: Dispatcher, events: EventBus): void {
  let inFlight = 0;
  const send = (message: ServerMessage) => {
    if (socket.readyState !== socket.OPEN) return;
    let text: string;
    try {
      text = JSON.stringify(message);
    } catch (error) {
      if (!('id' in message)) return logInternalError(`event ${message.event} could not be sent`, error);
      text = JSON.stringify({ id: message.id, result: failure('internal', `The result could not be sent: ${oneLine(error)}`) });
    }
    socket.send(text, (error) => {
      if (error) socket.terminate();
    });
  };
  const unsubscribe = events.subscribe((event, payload) => send({ event, payload }));
  socket.on('close', unsubscribe);
  // ws has already closed this socket with the protocol's code when it emits 'error'; without a
  // listener, that event would be uncaught and end the whole host. Not logged: a page cannot flood the log.
  socket.on('error', () => undefined);
  socket.on('message', (data, isBinary) => {
    const parsed = isBinary ? { problem: 'binary frames are not contract messages' } : parseClientMessage(rawText(data));
    if (!('message' in parsed)) {
      if (parsed.id === undefined) socket.close(1003, `Expected JSON {id, channel, request}: ${parsed.problem}.`.slice(0, 120));
      else send({ id: parsed.id, result: failure('invalid-request', `Malformed message: ${parsed.problem}.`) });
      return;
    }
    const { id, channel, request } = parsed.message;
    if (inFlight >= MAX_IN_FLIGHT)
      return send({ id, result: failure('unavailable', `Too many requests at once (at most ${MAX_IN_FLIGHT}); wait for answers before sending more.`) });
    inFlight++;
    dispatcher
      .dispatch(channel, request, { host: 'browser' })
      .catch((error: unknown) => {
        logInternalError(`${channel} failed`, error);
        return failure('internal', `${channel} failed: ${oneLine(error)}`);
      })
      .then((result) => send({ id, result }))
      .finally(() => inFlight--);
  });
}

function failure(code: 'invalid-request' | 'internal' | 'unavailable', message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

function rawText(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString();
  return Array.isArray(data) ? Buffer.concat(data).toString() : Buffer.from(data).toString();
}

type Parsed = { message: ClientMessage } | { id?: number; problem: string };

/** A message, or what is wrong with it and the id to answer (when it has a usable one). */
export function parseClientMessage(text: string): Parsed {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { problem: 'not JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { problem: 'not a JSON object' };
  const { id, channel, request } = value as Record<string, unknown>;
  if (typeof id !== 'number' || !Number.isSafeInteger(id)) return { problem: '"id" is not an integer' };
  if (typeof channel !== 'string') return { id, problem: '"channel" is not a string' };
  return { message: { id, channel, request } };
}
