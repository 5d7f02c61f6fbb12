import fs from 'node:fs';
import { Readable } from 'node:stream';
import type { Protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from './appOrigin';
import { withStyleNonce } from '../serving/withStyleNonce';
import { resolveAppFile, type ServedBody } from '../serving/resolveAppFile';
import { parseByteRange } from '../serving/byteRange';
import { crossOriginIsolation } from '../serving/crossOriginIsolation';
import type { Uploads } from '../services/Uploads';

export const appSchemePrivileges = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true },
} as const;

/**
 * Serves `stemroom://app/…`: the built renderer, `/media/<sha256>` from
 * the content store and `/pcm/<sha256>` from its PCM cache (built first
 * when missing), each whole or as the one byte range asked for (206; a bad
 * range 416). Every response carries the CSP (pages with a fresh style
 * nonce); other hosts of the scheme get 404.
 */
export function registerAppProtocol(
  protocol: Protocol,
  rendererDir: string,
  media: (urlPath: string) => ServedBody | null | Promise<ServedBody | null>,
  uploads: Uploads,
): void {
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
      found = /^\/(media|peaks|project-file|pcm)\//.test(url.pathname) ? await media(url.pathname) : resolveAppFile(rendererDir, url.pathname);
    } catch (error) {
      return new Response(`The audio cannot be prepared: ${(error as Error).message}`, { status: 500, headers: { 'Content-Type': 'text/plain' } });
    }
    if (!found) return notFound();
    const { body: served, csp } = withStyleNonce(found);
    const size = 'bytes' in served ? served.bytes.length : fs.statSync(served.filePath).size;
    const range = parseByteRange(request.headers.get('range'), size);
    if (range.kind === 'refused') {
      return new Response(`Range not satisfiable: ${range.reason}.`, { status: 416, headers: { 'Content-Type': 'text/plain', 'Content-Range': `bytes */${size}` } });
    }
    const [start, end] = range.kind === 'partial' ? [range.start, range.end] : [0, size - 1];
    const body =
      request.method === 'HEAD' || size === 0
        ? null
        : 'bytes' in served
          ? new Uint8Array(served.bytes.subarray(start, end + 1))
          : (Readable.toWeb(fs.createReadStream(served.filePath, { start, end })) as ReadableStream<Uint8Array>);
    return new Response(body, {
      status: range.kind === 'partial' ? 206 : 200,
      headers: {
        'Content-Type': served.contentType,
        'Content-Length': String(Math.max(0, end - start + 1)),
        'Accept-Ranges': 'bytes',
        ...(range.kind === 'partial' ? { 'Content-Range': `bytes ${start}-${end}/${size}` } : {}),
        'Content-Security-Policy': csp,
        'X-Content-Type-Options': 'nosniff',
        ...crossOriginIsolation,
        ...('downloadName' in served && served.downloadName ? { 'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(served.downloadName)}` } : {}),
      },
    });
  });
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });
}
