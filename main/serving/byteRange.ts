/** What a `Range` request header asks of a body of known size (RFC 9110 §14). */
export type ByteRange =
  /** No range (or one in a unit other than bytes, which a server ignores): the whole body, 200. */
  | { readonly kind: 'whole' }
  /** One satisfiable range, `start`…`end` inclusive: 206 with `Content-Range: bytes start-end/size`. */
  | { readonly kind: 'partial'; readonly start: number; readonly end: number }
  /** A bytes range that is malformed, multiple or outside the body: 416 with `Content-Range: bytes *\/size` and the reason. */
  | { readonly kind: 'refused'; readonly reason: string };

/** Longer than any honest header (one range of two 16-digit offsets); anything beyond is refused unread. */
const MAX_HEADER = 100;

/**
 * Parses a `Range` header against a body of `size` bytes: one range
 * (`bytes=a-b`, `bytes=a-`, `bytes=-n`), bounds checked, `end` clamped to
 * the last byte. Multiple ranges are refused (streaming asks for one block
 * at a time), as are malformed, inverted and out-of-bounds ones.
 *
 * @example
 * parseByteRange('bytes=64-1023', 4096) // { kind: 'partial', start: 64, end: 1023 }
 * parseByteRange('bytes=5000-', 4096)   // { kind: 'refused', reason: 'the range starts at byte 5000, past the end (4096 bytes)' }
 */
export function parseByteRange(header: string | undefined | null, size: number): ByteRange {
  if (header === undefined || header === null) return { kind: 'whole' };
  if (header.length > MAX_HEADER) return { kind: 'refused', reason: 'the Range header is too long' };
  const trimmed = header.trim();
  const unit = /^([A-Za-z]+)=/.exec(trimmed);
  if (!unit) return { kind: 'refused', reason: 'the Range header is malformed' };
  if (unit[1]!.toLowerCase() !== 'bytes') return { kind: 'whole' };
  const spec = trimmed.slice(unit[0].length).trim();
  if (spec.includes(',')) return { kind: 'refused', reason: 'one range at a time' };
  const match = /^(\d{0,16})-(\d{0,16})$/.exec(spec);
  if (!match || (match[1] === '' && match[2] === '')) return { kind: 'refused', reason: 'the Range header is malformed' };
  if (size === 0) return { kind: 'refused', reason: 'the body is empty' };
  if (match[1] === '') {
    // bytes=-n: the last n bytes.
    const suffix = Number(match[2]);
    if (suffix === 0) return { kind: 'refused', reason: 'an empty suffix range' };
    return { kind: 'partial', start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Number(match[2]);
  if (start >= size) return { kind: 'refused', reason: `the range starts at byte ${start}, past the end (${size} bytes)` };
  if (end < start) return { kind: 'refused', reason: `the range ends (${end}) before it starts (${start})` };
  return { kind: 'partial', start, end: Math.min(end, size - 1) };
}
