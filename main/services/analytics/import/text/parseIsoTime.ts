const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,9}))?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * An ISO 8601 date-time with its zone ("2026-11-01T18:04:05Z",
 * "2026-11-01T19:04:05.250+01:00") as UTC milliseconds; null when it is not
 * one (a time without a zone is ambiguous and refused).
 */
export function parseIsoTime(text: string): number | null {
  // Fast path for what machines write: "YYYY-MM-DDTHH:MM:SS.sssZ" / "YYYY-MM-DDTHH:MM:SSZ".
  if ((text.length === 24 || text.length === 20) && text.charCodeAt(text.length - 1) === 90 /* Z */ && text.charCodeAt(10) === 84 /* T */) {
    const fast = utcFast(text);
    if (fast !== null) return fast;
  }
  const m = ISO.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return null;
  let ms = Date.UTC(Number(y), month - 1, day, hour, minute, second, frac ? Math.floor(Number(`0.${frac}`) * 1000) : 0);
  if (new Date(ms).getUTCDate() !== day) return null; // 31 April and friends
  if (zone !== 'Z') {
    const sign = zone![0] === '-' ? -1 : 1;
    const digits = zone!.replace(':', '');
    ms -= sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5))) * 60_000;
  }
  return ms;
}

const digit = (text: string, at: number) => text.charCodeAt(at) - 48;
const two = (text: string, at: number) => {
  const a = digit(text, at);
  const b = digit(text, at + 1);
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
};

function utcFast(text: string): number | null {
  if (text[4] !== '-' || text[7] !== '-' || text[13] !== ':' || text[16] !== ':') return null;
  const century = two(text, 0);
  const yy = two(text, 2);
  const month = two(text, 5);
  const day = two(text, 8);
  const hour = two(text, 11);
  const minute = two(text, 14);
  const second = two(text, 17);
  let ms = 0;
  if (text.length === 24) {
    if (text[19] !== '.') return null;
    const a = two(text, 20);
    const b = digit(text, 22);
    if (a < 0 || b < 0 || b > 9) return null;
    ms = a * 10 + b;
  }
  if (century < 0 || yy < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return null;
  const value = Date.UTC(century * 100 + yy, month - 1, day, hour, minute, second, ms);
  return new Date(value).getUTCDate() === day ? value : null;
}

/**
 * The machine-written forms parseIsoTime reads fast ("YYYY-MM-DDTHH:MM:SSZ",
 * "YYYY-MM-DDTHH:MM:SS.sssZ"), straight from ASCII bytes; null for anything
 * else, which the caller then reads as text with parseIsoTime (so both agree
 * by construction: this returns only what utcFast would).
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
  // Years before 1900 go the slow way (Date.UTC reads years 0–99 as 19xx; keep that in one place).
  if (century < 19 || yy < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(century * 100 + yy, month) || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return null;
  return daysFromCivil(century * 100 + yy, month, day) * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1000 + ms;
}

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil), what Date.UTC computes. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function twoBytes(bytes: Uint8Array, at: number): number {
  const a = bytes[at]! - 48;
  const b = bytes[at + 1]! - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}
