import fs from 'node:fs';
import type http from 'node:http';
import { pipeline } from 'node:stream';
import type { ServedBody } from '../serving/resolveAppFile';
import { parseByteRange } from '../serving/byteRange';
import { crossOriginIsolation } from '../serving/crossOriginIsolation';
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
 * range asked for (206), or refuses a bad range (416) — see parseByteRange.
 * A file that fails mid-stream ends only this response.
 */
export function serveBody(response: http.ServerResponse, body: ServedBody, csp: string, headOnly: boolean, rangeHeader?: string): void {
  const size = 'bytes' in body ? body.bytes.length : fs.statSync(body.filePath).size;
  const range = parseByteRange(rangeHeader, size);
  if (range.kind === 'refused') {
    response.writeHead(416, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Range': `bytes */${size}`, 'Cache-Control': 'no-store' });
    return void response.end(`Range not satisfiable: ${range.reason}.\n`);
  }
  const [start, end] = range.kind === 'partial' ? [range.start, range.end] : [0, size - 1];
  response.writeHead(range.kind === 'partial' ? 206 : 200, {
    'Content-Type': body.contentType,
    'Content-Length': Math.max(0, end - start + 1),
    'Accept-Ranges': 'bytes',
    ...(range.kind === 'partial' ? { 'Content-Range': `bytes ${start}-${end}/${size}` } : {}),
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    ...crossOriginIsolation,
    'Cache-Control': 'no-cache',
    ...('downloadName' in body && body.downloadName ? { 'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(body.downloadName)}` } : {}),
  });
  if (headOnly || size === 0) return void response.end();
  if ('bytes' in body) return void response.end(body.bytes.subarray(start, end + 1));
  // pipeline (not pipe) closes the file when the client goes away, and destroys the response if the file fails.
  pipeline(fs.createReadStream(body.filePath, { start, end }), response, () => undefined);
}
