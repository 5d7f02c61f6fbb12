import fs from 'node:fs';
import { Readable } from 'node:stream';
import type { Protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from './appOrigin';
import { contentSecurityPolicy } from '../serving/contentSecurityPolicy';
import { resolveAppFile, type AppFile } from '../serving/resolveAppFile';

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
  mediaFile: (sha256: string) => AppFile | null,
): void {
  const csp = contentSecurityPolicy();
  protocol.handle(APP_SCHEME, (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return notFound();
    const file = url.pathname.startsWith('/media/')
      ? mediaFile(url.pathname.slice('/media/'.length))
      : resolveAppFile(rendererDir, url.pathname);
    if (!file) return notFound();
    const body = Readable.toWeb(fs.createReadStream(file.filePath)) as ReadableStream<Uint8Array>;
    return new Response(body, {
      status: 200,
      headers: {
        'Content-Type': file.contentType,
        'Content-Length': String(fs.statSync(file.filePath).size),
        'Content-Security-Policy': csp,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });
}
