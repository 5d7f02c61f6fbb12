import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { AccessGuard } from './AccessGuard';
import { attachSocketSession } from './SocketSession';
import { withStyleNonce } from '../serving/withStyleNonce';
import { resolveAppFile, type ServedBody } from '../serving/resolveAppFile';
import { parseByteRange } from '../serving/byteRange';
import type { StemroomServices } from '../services/StemroomServices';

export interface BrowserHostOptions {
  readonly services: StemroomServices;
  /** The built renderer (dist/renderer). */
  readonly rendererDir: string;
  /** 0 picks a free port. */
  readonly port?: number;
  /** Fixed token for tests; a random one per start otherwise. */
  readonly token?: string;
}

/** A running browser host. `url` carries the token; open it in a browser on this machine. */
export interface BrowserHost {
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

const MAX_SOCKET_MESSAGE = 64 * 1024 * 1024;

/**
 * `stemroom serve`: the studio in a browser on the same machine. Serves the
 * built renderer and carries the contract over a WebSocket, on 127.0.0.1
 * only, behind the AccessGuard.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const server = http.createServer();
  const port = await listen(server, options.port ?? 0);
  const guard = new AccessGuard(port, options.token);
  const origin = `http://127.0.0.1:${port}`;
  const websocketOrigins = `ws://127.0.0.1:${port} ws://localhost:${port}`;
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_SOCKET_MESSAGE });

  server.on('request', (request, response) => {
    const refusal = guard.check(request, false);
    if (refusal) return refuse(response, refusal.status, refusal.reason);
    const url = new URL(request.url ?? '/', origin);
    if (request.method === 'POST' && url.pathname === '/upload') return void receiveUpload(request, response, options.services);
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(response, 405, 'Method not allowed.');
    if (guard.tokenSource(request) === 'query' && url.pathname === '/') {
      // Trade the URL token for a cookie and drop it from the address bar.
      response.writeHead(303, { Location: '/', 'Set-Cookie': guard.sessionCookie(), 'Cache-Control': 'no-store' });
      return response.end();
    }
    if (url.pathname.startsWith('/pcm/')) {
      // The PCM cache, built first if a file is missing or damaged (the request waits for it).
      return void options.services.pcmBody(url.pathname).then(
        (body) => (body ? serveBody(response, body, withStyleNonce(body, websocketOrigins).csp, request.method === 'HEAD', request.headers.range) : refuse(response, 404, 'Not found.')),
        (error: Error) => refuse(response, 500, `The audio cannot be prepared: ${error.message}`),
      );
    }
    // Library routes may build their body (a .stemroom download is zipped on request).
    const lookup = /^\/(media|peaks|project-file)\//.test(url.pathname) ? options.services.media(url.pathname) : Promise.resolve(resolveAppFile(options.rendererDir, url.pathname));
    lookup.then(
      (body) => {
        if (!body) return refuse(response, 404, 'Not found.');
        const page = withStyleNonce(body, websocketOrigins);
        serveBody(response, page.body, page.csp, request.method === 'HEAD', request.headers.range);
      },
      (error: unknown) => refuse(response, (error as { code?: string }).code === 'not-found' ? 404 : 500, error instanceof Error ? error.message : 'Failed.'),
    );
  });

  server.on('upgrade', (request, socket, head) => {
    const refusal = guard.check(request, true);
    const pathname = new URL(request.url ?? '/', origin).pathname;
    if (refusal || pathname !== '/ws') {
      const status = refusal?.status ?? 404;
      socket.end(`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => attachSocketSession(ws, options.services.dispatcher, options.services.events));
  });

  return {
    url: `${origin}/?token=${guard.token}`,
    origin,
    port,
    token: guard.token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function listen(server: http.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function refuse(response: http.ServerResponse, status: number, reason: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(`${reason}\n`);
}

/** POST /upload: the body becomes an upload the page then names in a contract request. */
async function receiveUpload(request: http.IncomingMessage, response: http.ServerResponse, services: StemroomServices): Promise<void> {
  if (request.headers.origin === undefined) return refuse(response, 403, 'Uploads must come from the Stemroom page.');
  try {
    const uploadId = await services.uploads.receive(request);
    response.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    response.end(JSON.stringify({ uploadId }));
  } catch (error) {
    refuse(response, 413, error instanceof Error ? error.message : 'Upload failed.');
  }
}

/** Serves a body whole, or the one byte range asked for (206), or refuses a bad range (416) — see parseByteRange. */
function serveBody(response: http.ServerResponse, body: ServedBody, csp: string, headOnly: boolean, rangeHeader: string | undefined): void {
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
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-cache',
    ...('downloadName' in body && body.downloadName ? { 'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(body.downloadName)}` } : {}),
  });
  if (headOnly || size === 0) return void response.end();
  if ('bytes' in body) response.end(body.bytes.subarray(start, end + 1));
  else fs.createReadStream(body.filePath, { start, end }).pipe(response);
}
