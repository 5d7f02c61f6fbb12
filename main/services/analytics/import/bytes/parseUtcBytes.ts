import { daysFromCivil, daysInMonth } from '../text/civilDate';

/**
 * The machine-written forms parseIsoTime reads fast ("YYYY-MM-DDTHH:MM:SSZ",
 * "YYYY-MM-DDTHH:MM:SS.sssZ"), straight from ASCII bytes; null for anything
 * else, which the caller then reads as text with parseIsoTime (so both agree:
 * this returns only what parseIsoTime would, checked by a property test).
 */
export function parseUtcBytes(bytes: Uint8Array, start: number, length: number): number | null {
  if ((length !== 24 && length !== 20) || bytes[start + length - 1] !== 90 /* Z */ || bytes[start + 10] !== 84 /* T */) return null;
  if (bytes[start + 4] !== 45 || bytes[start + 7] !== 45 || bytes[start + 13] !== 58 || bytes[start + 16] !== 58) return null;
  const century = twoBytes(bytes, start);
  const yy = twoBytes(bytes, start + 2);
  const month = twoBytes(bytes, start + 5);
  const day = twoBytes(bytes, start + 8);
  const hour = twoBytes(bytes, start + 11);
  const minute = twoBytes(bytes, start + 14);
  const second = twoBytes(bytes, start + 17);
  let ms = 0;
  if (length === 24) {
    if (bytes[start + 19] !== 46 /* . */) return null;
    const a = twoBytes(bytes, start + 20);
    const b = bytes[start + 22]! - 48;
    if (a < 0 || b < 0 || b > 9) return null;
    ms = a * 10 + b;
  }
  if (
    century < 0 ||
    yy < 0 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(century * 100 + yy, month) ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59 ||
    second < 0 ||
    second > 59
  )
    return null;
  return daysFromCivil(century * 100 + yy, month, day) * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1000 + ms;
}

function twoBytes(bytes: Uint8Array, at: number): number {
  const a = bytes[at]! - 48;
  const b = bytes[at + 1]! - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}
