/**
 * Whether `text` is a real day written YYYY-MM-DD. Date.parse is no judge:
 * it rolls "2026-02-30" over to 2 March. Years 1000–9999 (licence windows,
 * release dates), Gregorian leap years.
 *
 * @example
 * isCalendarDate('2024-02-29'); // true
 * isCalendarDate('2026-02-30'); // false
 */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1000 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}
