/**
 * The nonce this page load may put on `<style>` elements (the hosts write a
 * fresh one per page into `<meta name="stemroom-style-nonce">` and name it
 * in the CSP). wavesurfer.js takes it for the style element it writes into
 * each waveform's shadow root; without it that style is refused.
 *
 * @example
 * WaveSurfer.create({ container, cspNonce: styleNonce() });
 */
export function styleNonce(): string | undefined {
  return document.querySelector<HTMLMetaElement>('meta[name="stemroom-style-nonce"]')?.content || undefined;
}
