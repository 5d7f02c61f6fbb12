import crypto from 'node:crypto';
import fs from 'node:fs';
import { contentSecurityPolicy } from './contentSecurityPolicy';
import type { ServedBody } from './resolveAppFile';

/** The `<meta>` the page reads its style nonce from (renderer/app/styleNonce.ts). */
export const STYLE_NONCE_META = 'stemroom-style-nonce';

/**
 * A body and the CSP to send with it. An HTML page gets a fresh random nonce
 * per response, written into a `<meta>` in its head and named in the CSP's
 * style-src, so the `<style>` elements the page itself makes (with that
 * nonce) apply and no other inline style does. Other bodies get the CSP
 * without a nonce.
 *
 * @example
 * const { body, csp } = withStyleNonce(resolveAppFile(dir, '/')!, 'ws://127.0.0.1:8080');
 */
export function withStyleNonce(served: ServedBody, websocketOrigin?: string): { body: ServedBody; csp: string } {
  if (!served.contentType.startsWith('text/html')) return { body: served, csp: contentSecurityPolicy(websocketOrigin) };
  const nonce = crypto.randomBytes(18).toString('base64');
  const html = Buffer.from('bytes' in served ? served.bytes : fs.readFileSync(served.filePath)).toString('utf8');
  const meta = `<meta name="${STYLE_NONCE_META}" content="${nonce}" />`;
  const withMeta = /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (head) => `${head}\n    ${meta}`) : `${meta}\n${html}`;
  return { body: { bytes: Buffer.from(withMeta, 'utf8'), contentType: served.contentType }, csp: contentSecurityPolicy(websocketOrigin, nonce) };
}
