const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * UTF-8 bytes as text, refusing what a lenient decoder would quietly turn
 * into U+FFFD (so two different files never read as the same text, and a
 * name is never silently altered). A leading byte order mark is dropped,
 * as editors on Windows write one. Throws with the offset of the first
 * invalid byte.
 *
 * @example
 * decodeUtf8Strictly(Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d])); // '{}'
 * decodeUtf8Strictly(Buffer.from([0x7b, 0xc3, 0x28])); // throws "is not valid UTF-8 (byte 1)"
 */
export function decodeUtf8Strictly(bytes: Uint8Array): string {
  try {
    return decoder.decode(bytes);
  } catch {
    throw new Error(`is not valid UTF-8 (byte ${firstInvalidByte(bytes)})`);
  }
}

/** Where a UTF-8 validator first fails (RFC 3629: no overlongs, surrogates or code points above U+10FFFF). */
function firstInvalidByte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    const [length, min, max] =
      b < 0x80
        ? [1, 0, 0]
        : b >= 0xc2 && b <= 0xdf
          ? [2, 0x80, 0xbf]
          : b === 0xe0
            ? [3, 0xa0, 0xbf]
            : b === 0xed
              ? [3, 0x80, 0x9f]
              : b >= 0xe1 && b <= 0xef
                ? [3, 0x80, 0xbf]
                : b === 0xf0
                  ? [4, 0x90, 0xbf]
                  : b >= 0xf1 && b <= 0xf3
                    ? [4, 0x80, 0xbf]
                    : b === 0xf4
                      ? [4, 0x80, 0x8f]
                      : [0, 0, 0];
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? min : 0x80) || c > (k === 1 ? max : 0xbf)) return i;
    }
    i += length;
  }
  return bytes.length;
}
