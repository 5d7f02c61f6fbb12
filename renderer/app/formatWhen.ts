const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/**
 * A stored instant (ISO 8601) as people read it, to the second — exports of
 * one project made a minute apart must not read alike.
 *
 * @example formatWhen('2026-12-01T17:02:03Z') // "Dec 1, 2026, 5:02:03 PM" (in an en-US, UTC session)
 */
export function formatWhen(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : when.format(date);
}
