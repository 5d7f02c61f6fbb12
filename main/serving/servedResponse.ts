import fs from 'node:fs';
import { parseByteRange } from './byteRange';
import { crossOriginIsolation } from './crossOriginIsolation';
import type { ServedBody } from './resolveAppFile';

/** How to answer a GET or HEAD of a body: status, headers, and which bytes to send (null: none). */
export type ServedResponse =
  | { readonly status: 416; readonly headers: Record<string, string>; readonly text: string }
  | { readonly status: 200 | 206; readonly headers: Record<string, string>; readonly bytes: { readonly start: number; readonly end: number } | null };

/**
 * The one answer both hosts give for a served body: whole (200), the one
 * byte range asked for (206 + Content-Range), or a bad range refused (416
 * with the size and the reason) — with the app's security headers (CSP,
 * nosniff, no referrer, cross-origin isolation) and a download name when the
 * body has one.
 *
 * @example
 * const answer = servedResponse(body, csp, request.headers.range, request.method === 'HEAD');
 * response.writeHead(answer.status, answer.headers);
 */
export function servedResponse(body: ServedBody, csp: string, rangeHeader: string | null | undefined, headOnly: boolean): ServedResponse {
  const size = 'bytes' in body ? body.bytes.length : fs.statSync(body.filePath).size;
  const range = parseByteRange(rangeHeader, size);
  if (range.kind === 'refused') {
    return {
      status: 416,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Range': `bytes */${size}`, 'Cache-Control': 'no-store' },
      text: `Range not satisfiable: ${range.reason}.\n`,
    };
  }
  const [start, end] = range.kind === 'partial' ? [range.start, range.end] : [0, size - 1];
  return {
    status: range.kind === 'partial' ? 206 : 200,
    headers: {
      'Content-Type': body.contentType,
      'Content-Length': String(Math.max(0, end - start + 1)),
      'Accept-Ranges': 'bytes',
      ...(range.kind === 'partial' ? { 'Content-Range': `bytes ${start}-${end}/${size}` } : {}),
      'Content-Security-Policy': csp,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      ...crossOriginIsolation,
      'Cache-Control': 'no-cache',
      ...('downloadName' in body && body.downloadName
        ? { 'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(body.downloadName)}` }
        : {}),
    },
    bytes: headOnly || size === 0 ? null : { start, end },
  };
}
