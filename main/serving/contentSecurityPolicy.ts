/**
 * The one CSP both hosts send with the app. No remote origins, no inline
 * scripts; WASM compilation is allowed for the time-stretcher and encoders;
 * the WebSocket is same-origin only (`'self'` covers ws: on the same host in
 * current Chromium, the explicit entry keeps older ones working).
 */
export function contentSecurityPolicy(websocketOrigin?: string): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob: mediastream:",
    `connect-src 'self'${websocketOrigin ? ` ${websocketOrigin}` : ''}`,
    "worker-src 'self' blob:",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
