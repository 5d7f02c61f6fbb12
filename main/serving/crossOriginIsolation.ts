/**
 * Headers every app response carries on both hosts, so the page is
 * cross-origin isolated (`crossOriginIsolated === true`): the live engine
 * then hands audio from its stream worker to the audio thread through
 * SharedArrayBuffer rings instead of posted copies. The page loads nothing
 * from other origins, and says so: opener cut off, embedding only of
 * resources that allow it, and ours only to our own origin.
 */
export const crossOriginIsolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const;
