/**
 * The one CSP both hosts send with the app. No remote origins, no inline
 * scripts; WASM compilation is allowed for the time-stretcher and encoders;
 * the WebSocket is same-origin only (`'self'` covers ws: on the same host in
 * current Chromium, the explicit entry keeps older ones working).
 *
 * Styles: our stylesheet ('self'), and `<style>` elements only with the
 * page's nonce — wavesurfer.js writes one into each waveform's shadow root
 * (measured in Chromium: the only inline style the app makes; React's `style`
 * props set CSSOM properties, which CSP does not govern). No 'unsafe-inline':
 * injected `<style>` elements and HTML `style` attributes are refused.
 */
export function contentSecurityPolicy(websocketOrigin?: string, styleNonce?: string): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    `style-src 'self'${styleNonce ? ` 'nonce-${styleNonce}'` : ''}`,
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
