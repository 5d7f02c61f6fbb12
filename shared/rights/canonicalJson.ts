/**
 * Canonical JSON: object keys sorted (by UTF-16 code units), no whitespace,
 * `undefined` members dropped — the same value always gives the same bytes,
 * which is what the ledger hashes and what inspection compares.
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
