import { expect, it } from 'vitest';
import { isCalendarDate } from './isCalendarDate';

it.each(['2024-02-29', '2000-02-29', '2026-12-31', '2026-04-30', '1999-01-01'])('accepts %s', (date) => expect(isCalendarDate(date)).toBe(true));
it.each([
  '2026-02-30',
  '2026-02-29',
  '1900-02-29',
  '2026-04-31',
  '2026-13-01',
  '2026-00-10',
  '2026-01-00',
  '0000-01-01',
  '2026-1-01',
  '2026-01-01T00:00',
  ' 2026-01-01',
])('refuses %s', (date) => expect(isCalendarDate(date)).toBe(false));
