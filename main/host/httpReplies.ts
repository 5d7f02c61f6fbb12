import fs from 'node:fs';
import type http from 'node:http';
import { pipeline } from 'node:stream';
import type { ServedBody } from '../serving/resolveAppFile';
import { servedResponse } from '../serving/servedResponse';
import { ServiceError } from '../services/ServiceError';
import { logInternalError, oneLine } from '../services/logInternalError';

/** A one-line plain-text refusal; the connection closes after it when `close` (a body we did not read). */
export function refuse(response: http.ServerResponse, status: number, reason: string, close = false): void {
  if (response.headersSent) return void response.destroy();
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...(close ? { Connection: 'close' } : {}) });
  response.end(`${reason.split('\n')[0]}\n`);
}

/**
 * The answer to a request whose handler threw: a ServiceError keeps its
 * meaning (404 for not-found, 400 for invalid-request, 409 for conflict),
 * anything else is a 500 with one line, logged once. Only this request fails.
 */
export function refuseForError(response: http.ServerResponse, error: unknown, what: string): void {
  if (error instanceof ServiceError) {
    const status = { 'not-found': 404, 'invalid-request': 400, conflict: 409, forbidden: 403 }[error.code as string] ?? 500;
    return refuse(response, status, error.message);
  }
  logInternalError(what, error);
  refuse(response, 500, `Internal error: ${oneLine(error)}`);
}

/**
 * Serves a body with the app's security headers, whole, or the one byte
 * range asked for (206), or refuses a bad range (416) — see servedResponse.
 * A file that fails mid-stream ends only this response.
 */
export function serveBody(response: http.ServerResponse, body: ServedBody, csp: string, headOnly: boolean, rangeHeader?: string): void {
  const answer = servedResponse(body, csp, rangeHeader, headOnly);
  response.writeHead(answer.status, answer.headers);
  if (answer.status === 416) return void response.end(answer.text);
  if (!answer.bytes) return void response.end();
  const { start, end } = answer.bytes;
  if ('bytes' in body) return void response.end(body.bytes.subarray(start, end + 1));
  // pipeline (not pipe) closes the file when the client goes away, and destroys the response if the file fails.
  pipeline(fs.createReadStream(body.filePath, { start, end }), response, () => undefined);
}
