import fs from 'node:fs';
import { Readable } from 'node:stream';
import type { Protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from './appOrigin';
import { contentSecurityPolicy } from '../serving/contentSecurityPolicy';
import { resolveAppFile, type ServedBody } from '../serving/resolveAppFile';
import type { Uploads } from '../services/Uploads';

export const appSchemePrivileges = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true },
} as const;

/**
 * Serves `stemroom://app/…`: the built renderer, and `/media/<sha256>` from
 * the content store. Every response carries the CSP; other hosts of the
 * scheme get 404.
 */
export function registerAppProtocol(
  protocol: Protocol,
  rendererDir: string,
  media: (urlPath: string) => ServedBody | null | Promise<ServedBody | null>,
  uploads: Uploads,
): void {
  const csp = contentSecurityPolicy();
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return notFound();
    if (request.method === 'POST' && url.pathname === '/upload' && request.body) {
      const uploadId = await uploads.receive(Readable.fromWeb(request.body as never));
      return new Response(JSON.stringify({ uploadId }), { status: 200, headers: { 'Content-Type': 'application/json' } });
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Method not allowed', { status: 405 });
    const served = /^\/(media|peaks|project-file)\//.test(url.pathname) ? await media(url.pathname) : resolveAppFile(rendererDir, url.pathname);
    if (!served) return notFound();
    const body = 'bytes' in served ? new Uint8Array(served.bytes) : (Readable.toWeb(fs.createReadStream(served.filePath)) as ReadableStream<Uint8Array>);
    return new Response(body, {
      status: 200,
      headers: {
        'Content-Type': served.contentType,
        'Content-Length': String('bytes' in served ? served.bytes.length : fs.statSync(served.filePath).size),
        'Content-Security-Policy': csp,
        'X-Content-Type-Options': 'nosniff',
        ...('downloadName' in served && served.downloadName ? { 'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(served.downloadName)}` } : {}),
      },
    });
  });
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });
}
