import fs from 'node:fs';
import { Readable } from 'node:stream';
import type { Protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from './appOrigin';
import { withStyleNonce } from '../serving/withStyleNonce';
import { resolveAppFile, type ServedBody } from '../serving/resolveAppFile';
import { servedResponse } from '../serving/servedResponse';
import { MediaRoutes } from '../serving/MediaRoutes';
import type { Uploads } from '../services/Uploads';

export const appSchemePrivileges = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true },
} as const;

/**
 * Serves `stemroom://app/…`: the built renderer and the media routes
 * (MediaRoutes), each whole or as the one byte range asked for (206; a bad
 * range 416), with the same headers as the browser host (servedResponse).
 * Every response carries the CSP (pages with a fresh style nonce); other
 * hosts of the scheme get 404.
 */
export function registerAppProtocol(protocol: Protocol, rendererDir: string, media: Pick<MediaRoutes, 'serve'>, uploads: Uploads): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return notFound();
    if (request.method === 'POST' && url.pathname === '/upload' && request.body) {
      const uploadId = await uploads.receive(Readable.fromWeb(request.body as never));
      return new Response(JSON.stringify({ uploadId }), { status: 200, headers: { 'Content-Type': 'application/json' } });
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Method not allowed', { status: 405 });
    let found: ServedBody | null;
    try {
      found = MediaRoutes.owns(url.pathname) ? await media.serve(url.pathname) : resolveAppFile(rendererDir, url.pathname);
    } catch (error) {
      return new Response(`${url.pathname} cannot be served: ${(error as Error).message}`, { status: 500, headers: { 'Content-Type': 'text/plain' } });
    }
    if (!found) return notFound();
    const { body: served, csp } = withStyleNonce(found);
    const answer = servedResponse(served, csp, request.headers.get('range'), request.method === 'HEAD');
    if (answer.status === 416) return new Response(answer.text, { status: 416, headers: answer.headers });
    const { bytes } = answer;
    const body = !bytes
      ? null
      : 'bytes' in served
        ? new Uint8Array(served.bytes.subarray(bytes.start, bytes.end + 1))
        : (Readable.toWeb(fs.createReadStream(served.filePath, { start: bytes.start, end: bytes.end })) as ReadableStream<Uint8Array>);
    return new Response(body, { status: answer.status, headers: answer.headers });
  });
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });
}
