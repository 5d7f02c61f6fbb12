/**
 * A key fingerprint (64 hex digits) as people compare it: its first 128 bits
 * in groups of four hex digits.
 *
 * @example
 * displayFingerprint('0123456789abcdef…'); // '0123 4567 89ab cdef 0123 4567 89ab cdef'
 */
export function displayFingerprint(fingerprint: string): string {
  return (fingerprint.slice(0, 32).match(/.{1,4}/g) ?? []).join(' ');
}
