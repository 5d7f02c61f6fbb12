/**
 * A number as people write it: rounded to at most `decimals` decimals,
 * without trailing zeros, in plain decimals (below 1e21); "-0" is "0".
 *
 * @example formatNumber(3.900833333333333) // "3.901"
 * @example formatNumber(2.5000001) // "2.5"
 */
export function formatNumber(value: number, decimals = 3): string {
  if (!Number.isFinite(value)) return String(value);
  const rounded = Number(value.toFixed(decimals));
  if (rounded === 0) return '0';
  const text = rounded.toFixed(decimals);
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}
