/**
 * Canonical JSON, the bytes the ledger hashes, record signatures sign and
 * inspection compares: object keys sorted by UTF-16 code units, no
 * whitespace, object members whose value is `undefined` dropped (inside an
 * array, `undefined` is written `null`, as JSON.stringify does); strings and
 * numbers as JSON.stringify writes them (`-0` as `0`); Infinity and NaN
 * refused. For plain JSON data only — what JSON.parse returns: a Date, Map
 * or class instance is written as its own enumerable members (a Date as
 * `{}`), never through its toJSON().
 *
 * @example
 * canonicalJson({ b: 1, a: [undefined, 'x'], c: undefined }) // '{"a":[null,"x"],"b":1}'
 */
export function canonicalJson(value: unknown): string {
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
