/**
 * Industry identifiers, validated with their check digits so a typo in a
 * package is caught at import rather than printed into every export's
 * credits.
 */

/** ISRC: CC-XXX-YY-NNNNN (country, registrant, year, designation). Stored without hyphens, upper case. */
export function normalizeIsrc(value: string): string | null {
  const compact = value.replace(/[-\s]/g, '').toUpperCase();
  return /^[A-Z]{2}[A-Z0-9]{3}\d{2}\d{5}$/.test(compact) ? compact : null;
}

export function formatIsrc(isrc: string): string {
  return `${isrc.slice(0, 2)}-${isrc.slice(2, 5)}-${isrc.slice(5, 7)}-${isrc.slice(7)}`;
}

/** ISWC: T-DDD.DDD.DDD-C with the ISO 15707 check digit. Stored as T1234567890. */
export function normalizeIswc(value: string): string | null {
  const compact = value.replace(/[-.\s]/g, '').toUpperCase();
  if (!/^T\d{10}$/.test(compact)) return null;
  const digits = compact.slice(1, 10).split('').map(Number);
  const sum = 1 + digits.reduce((total, digit, i) => total + digit * (i + 1), 0);
  const check = (10 - (sum % 10)) % 10;
  return check === Number(compact[10]) ? compact : null;
}

export function formatIswc(iswc: string): string {
  return `T-${iswc.slice(1, 4)}.${iswc.slice(4, 7)}.${iswc.slice(7, 10)}-${iswc.slice(10)}`;
}

/** ISNI: 16 characters, ISO 7064 MOD 11-2 check character (0-9 or X). Stored without spaces. */
export function normalizeIsni(value: string): string | null {
  const compact = value.replace(/\s/g, '').toUpperCase();
  if (!/^\d{15}[\dX]$/.test(compact)) return null;
  return isniCheckCharacter(compact.slice(0, 15)) === compact[15] ? compact : null;
}

export function isniCheckCharacter(first15: string): string {
  let total = 0;
  for (const digit of first15) total = ((total + Number(digit)) * 2) % 11;
  const check = (12 - total) % 11;
  return check === 10 ? 'X' : String(check);
}

export function formatIsni(isni: string): string {
  return isni.replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * IPI name number: 11 digits (a 9-digit CAE number gets its two leading
 * zeros), the last two a check number: the first nine digits weighted
 * 10, 9, … 2, summed, and the sum's complement modulo 101 (CISAC; 100
 * wraps to 00). Stored as 11 digits.
 */
export function normalizeIpi(value: string): string | null {
  const compact = value.replace(/\s/g, '');
  if (!/^\d{9,11}$/.test(compact)) return null;
  const padded = compact.padStart(11, '0');
  return ipiCheckDigits(padded.slice(0, 9)) === padded.slice(9) ? padded : null;
}

export function ipiCheckDigits(first9: string): string {
  let total = 0;
  for (let i = 0; i < 9; i++) total += Number(first9[i]) * (10 - i);
  const check = total % 101 === 0 ? 0 : (101 - (total % 101)) % 100;
  return String(check).padStart(2, '0');
}
