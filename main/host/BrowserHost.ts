import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { AccessGuard } from './AccessGuard';
import { attachSocketSession } from './SocketSession';
import { withStyleNonce } from '../serving/withStyleNonce';
import { resolveAppFile } from '../serving/resolveAppFile';
import type { StemroomServices } from '../services/StemroomServices';
import { logInternalError } from '../services/logInternalError';
import { refuse, refuseForError, serveBody } from './httpReplies';
import { receiveUpload } from './receiveUpload';

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
    // A response written after its client left emits 'error'; that is the client's loss, never the host's.
    response.on('error', () => undefined);
    try {
      route(request, response);
    } catch (error) {
      refuseForError(response, error, `${request.method} ${String(request.url).slice(0, 100)}`);
    }
  });

  const route = (request: http.IncomingMessage, response: http.ServerResponse): void => {
    const refusal = guard.check(request, false);
    if (refusal) return refuse(response, refusal.status, refusal.reason);
    const parsed = parseRequestUrl(request.url, origin);
    if (!parsed) return refuse(response, 400, 'Malformed request path.');
    const url = { pathname: guard.appPath(parsed.pathname) };
    if (request.method === 'POST' && url.pathname === '/upload') {
      return void receiveUpload(request, response, options.services.uploads).catch((error: unknown) => refuseForError(response, error, 'upload'));
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(response, 405, 'Method not allowed.', true);
    if (guard.tokenSource(request) === 'query' && url.pathname === '/') {
      // Trade the URL token for a cookie scoped to the session path, and drop it from the address bar.
      response.writeHead(303, { Location: guard.sessionPath, 'Set-Cookie': guard.sessionCookie(), 'Cache-Control': 'no-store' });
      return void response.end();
    }
    if (url.pathname.startsWith('/pcm/')) {
      // The PCM cache, built first if a file is missing or damaged (the request waits for it).
      return void options.services.pcmBody(url.pathname).then(
        (body) => (body ? serveBody(response, body, withStyleNonce(body, websocketOrigins).csp, request.method === 'HEAD', request.headers.range) : refuse(response, 404, 'Not found.')),
        (error: unknown) => refuseForError(response, error, 'The audio cannot be prepared'),
      ).catch((error: unknown) => refuseForError(response, error, `GET ${url.pathname}`));
    }
    // Library routes may build their body (a .stemroom download is zipped on request).
    const lookup = /^\/(media|peaks|project-file)\//.test(url.pathname) ? options.services.media(url.pathname) : Promise.resolve(resolveAppFile(options.rendererDir, url.pathname));
    lookup
      .then(
        (body) => {
          if (!body) return refuse(response, 404, 'Not found.');
          const page = withStyleNonce(body, websocketOrigins);
          serveBody(response, page.body, page.csp, request.method === 'HEAD', request.headers.range);
        },
        (error: unknown) => refuseForError(response, error, `GET ${url.pathname}`),
      )
      .catch((error: unknown) => refuseForError(response, error, `GET ${url.pathname}`));
  };

  // Bytes that are not HTTP: answered 400 (431 for oversized headers) and closed, for that client only.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable || error.code === 'ECONNRESET') return void socket.destroy();
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    socket.end(`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  });
  server.on('error', (error) => logInternalError('browser host', error));

  server.on('upgrade', (request, socket, head) => {
    // Node hands the raw socket over without its error listener; a reset here must not end the host.
    socket.on('error', () => socket.destroy());
    try {
      const refusal = guard.check(request, true);
      const requested = parseRequestUrl(request.url, origin)?.pathname;
      const pathname = requested === undefined ? undefined : guard.appPath(requested);
      if (refusal || pathname !== '/ws') {
        const status = refusal?.status ?? (pathname === undefined ? 400 : 404);
        socket.end(`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
        return;
      }
      sockets.handleUpgrade(request, socket, head, (ws) => attachSocketSession(ws, options.services.dispatcher, options.services.events));
    } catch (error) {
      logInternalError('WebSocket upgrade', error);
      socket.destroy();
    }
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

/** The request's URL, or null for a request-target no URL parser accepts (e.g. `//`). */
function parseRequestUrl(target: string | undefined, origin: string): URL | null {
  try {
    return new URL(target ?? '/', origin);
  } catch {
    return null;
  }
}
