import { daysFromCivil, daysInMonth } from './civilDate';

/** RFC 3339 / ISO 8601 extended format: 2026-11-01T18:04:05.250+01:00 (T or t or a space; seconds and fraction optional; Z, z, ±hh:mm, ±hhmm or ±hh). */
const EXTENDED = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?$/;
/** ISO 8601 basic format: 20261101T180405.250+0100. */
const BASIC = /^(\d{4})(\d{2})(\d{2})[Tt](\d{2})(\d{2})(?:(\d{2})(?:[.,](\d+))?)?(?:([Zz])|([+-])(\d{2})(\d{2})?)?$/;

type Fields = [
  year: string,
  month: string,
  day: string,
  hour: string,
  minute: string,
  second?: string,
  fraction?: string,
  z?: string,
  sign?: string,
  offsetHours?: string,
  offsetMinutes?: string,
];

/**
 * A date and time with its zone as UTC milliseconds: every RFC 3339
 * date-time (`2026-11-01T18:04:05Z`, lower-case `t`/`z`, a space for `T`,
 * any fraction of a second, `±hh:mm`, a leap second `:60` read as the next
 * minute's start) and ISO 8601's other complete forms with a zone (basic
 * format `20261101T180405Z`, offsets `+02` and `+0200`, no seconds). Null
 * for anything else — timeProblem says why. A time without a zone is
 * ambiguous and refused.
 *
 * @example
 * parseIsoTime('2026-11-01t19:04:05.25+01'); // Date.parse('2026-11-01T18:04:05.250Z')
 */
export function parseIsoTime(text: string): number | null {
  // Fast path for what machines write: "YYYY-MM-DDTHH:MM:SS.sssZ" / "YYYY-MM-DDTHH:MM:SSZ".
  if ((text.length === 24 || text.length === 20) && text.charCodeAt(text.length - 1) === 90 /* Z */ && text.charCodeAt(10) === 84 /* T */) {
    const fast = utcFast(text);
    if (fast !== null) return fast;
  }
  const m = (EXTENDED.exec(text) ?? BASIC.exec(text)) as unknown as [string, ...Fields] | null;
  if (!m) return null;
  const [, y, mo, d, h, mi, s, fraction, z, sign, oh, om] = m;
  if (!z && !sign) return null;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = s === undefined ? 0 : Number(s);
  const offset = sign ? Number(oh) * 60 + (om === undefined ? 0 : Number(om)) : 0;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 60) return null;
  if (sign && (Number(oh) > 23 || (om !== undefined && Number(om) > 59))) return null;
  const ms = fraction ? Math.floor(Number(`0.${fraction}`) * 1000) : 0;
  const local = daysFromCivil(year, month, day) * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1000 + ms;
  return local - (sign === '-' ? -1 : 1) * offset * 60_000;
}

/**
 * Why parseIsoTime refuses a text, as words following the value in a
 * problem report ("… has no time zone").
 *
 * @example
 * timeProblem('2026-11-01T18:04:05'); // 'has no time zone: add Z (UTC) or an offset such as +01:00'
 */
export function timeProblem(text: string): string {
  const m = (EXTENDED.exec(text) ?? BASIC.exec(text)) as unknown as [string, ...Fields] | null;
  if (!m) {
    if (/^\d{4}-?\d{2}-?\d{2}$/.test(text)) return 'is a date without a time of day';
    if (/^(\d{4})-?(\d{2})-?(\d{2})[Tt ]/.test(text)) return 'is not a time of day with a zone (e.g. 2026-11-01T18:04:05Z)';
    return 'is not a date and time (e.g. 2026-11-01T18:04:05Z)';
  }
  const [, y, mo, d, h, mi, s, , z, sign, oh, om] = m;
  if (Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > daysInMonth(Number(y), Number(mo))) return `has no such date (${y}-${mo}-${d})`;
  if (Number(h) > 23 || Number(mi) > 59 || (s !== undefined && Number(s) > 60)) return `has no such time of day (${h}:${mi}${s === undefined ? '' : `:${s}`})`;
  if (!z && !sign) return 'has no time zone: add Z (UTC) or an offset such as +01:00';
  if (Number(oh) > 23 || (om !== undefined && Number(om) > 59)) return `has no such zone offset (${sign}${oh}${om === undefined ? '' : `:${om}`})`;
  return 'is not a date and time';
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
  if (century < 0 || yy < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59)
    return null;
  const year = century * 100 + yy;
  if (day > daysInMonth(year, month)) return null;
  return daysFromCivil(year, month, day) * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1000 + ms;
}
