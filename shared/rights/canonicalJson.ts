/**
 * How a record was made canonical before hashing. Records name theirs
 * (`canonicalization`); records without the member predate it and were
 * made with `sortedKeysJson`, so they verify with that forever.
 */
export const CANONICALIZATION = 'RFC8785';
export type Canonicalization = typeof CANONICALIZATION | 'sorted-keys';

/**
 * RFC 8785 JSON Canonicalization Scheme (JCS): object members sorted by
 * the UTF-16 code units of their names (integer-like names too — a JS
 * object would put those first), no whitespace, numbers as ECMAScript
 * prints them (-0 as 0), strings escaped as JSON.stringify does (only
 * `"`, `\`, and controls; everything else literal), `undefined` members
 * dropped. Refuses NaN, Infinity and lone surrogates, which have no
 * canonical form. `indent` pretty-prints in the same order (for people;
 * only the compact form is canonical).
 *
 * @example
 * canonicalJson({ b: 1, a: [true, null], 10: 'x', 9: 'y' }); // '{"10":"x","9":"y","a":[true,null],"b":1}'
 */
export function canonicalJson(value: unknown, indent = 0): string {
  return write(value, indent, '');
}

function write(value: unknown, indent: number, margin: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new Error('canonical JSON has no Infinity or NaN');
      return JSON.stringify(value);
    case 'string':
      // With the u flag a surrogate pair is one code point, so \p{Surrogate} matches only a lone half.
      if (/\p{Surrogate}/u.test(value)) throw new Error('canonical JSON has no lone surrogates');
      return JSON.stringify(value);
    case 'object': {
      const inner = indent ? `${margin}${' '.repeat(indent)}` : '';
      const open = indent ? `\n${inner}` : '';
      const close = indent ? `\n${margin}` : '';
      const separator = indent ? `,\n${inner}` : ',';
      if (Array.isArray(value)) {
        if (value.length === 0) return '[]';
        return `[${open}${value.map((item) => write(item === undefined ? null : item, indent, inner)).join(separator)}${close}]`;
      }
      if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return write((value as { toJSON(): unknown }).toJSON(), indent, margin);
      const members = Object.keys(value)
        .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
        .sort(compareCodeUnits)
        .map((key) => `${write(key, 0, '')}:${indent ? ' ' : ''}${write((value as Record<string, unknown>)[key], indent, inner)}`);
      return members.length ? `{${open}${members.join(separator)}${close}}` : '{}';
    }
    default:
      throw new Error(`canonical JSON has no ${typeof value}`);
  }
}

/** UTF-16 code unit order (what RFC 8785 sorts names by; also what `<` on strings does). */
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The canonical form records used before RFC 8785: keys sorted, then
 * JSON.stringify — which puts integer-like keys first. Kept only so that
 * records made with it still verify.
 */
export function sortedKeysJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('canonical JSON has no Infinity or NaN');
    return value;
  }
  // No prototype: a "__proto__" member (JSON.parse makes it an ordinary member) must stay a member, not
  // set a prototype and vanish — else it could be added to a signed record without breaking the signature.
  const sorted = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(value).sort()) {
    const member = (value as Record<string, unknown>)[key];
    if (member !== undefined) sorted[key] = sortKeys(member);
  }
  return sorted;
}

/**
 * A record's canonical JSON in the scheme it names: RFC 8785 for records
 * that say `canonicalization: "RFC8785"`, the older sorted-keys form for
 * records made before the member existed.
 *
 * @example
 * sha256(recordCanonicalJson(payload)) === entry.payloadSha256;
 */
export function recordCanonicalJson(record: { readonly canonicalization?: string }): string {
  if (record.canonicalization === undefined) return sortedKeysJson(record);
  if (record.canonicalization !== CANONICALIZATION) throw new Error(`unknown canonicalization "${record.canonicalization}"`);
  return canonicalJson(record);
}
