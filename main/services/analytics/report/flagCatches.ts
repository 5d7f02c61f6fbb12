import { flagRule, type FlagRuleId } from '../../../../shared/analytics/flagRules';
import { MINUTE_MS } from '../../../../shared/analytics/playDefinitions';
import type { FlagCatchView } from '../../../../shared/contract/analyticsContract';
import type { CatchRow } from '../../../db/analytics/analyticsWriteQueries';

/** How a listener is shown: its stored key (a keyed hash, not the id) in hex. */
export const pseudonym = (key: number) => key.toString(16).padStart(14, '0');

/** A catch's id: rule, listener pseudonym (or –), minutes. What a dispute names. */
export function catchId(c: Pick<CatchRow, 'rule' | 'listener' | 'fromMinute' | 'toMinute'>): string {
  return `${c.rule}~${c.listener === null ? '-' : pseudonym(c.listener)}~${c.fromMinute}~${c.toMinute}`;
}

/** What a catch id names, or null when it is not one. */
export function parseCatchId(id: string): { rule: FlagRuleId; listener: number | null; fromMinute: number; toMinute: number } | null {
  const m = /^(repeat|burst|only-this-export|exact-end|country-spike)~(-|[0-9a-f]{14})~(\d{1,9})~(\d{1,9})$/.exec(id);
  if (!m) return null;
  const [, rule, listener, from, to] = m;
  const fromMinute = Number(from);
  const toMinute = Number(to);
  if (toMinute < fromMinute) return null;
  return { rule: rule as FlagRuleId, listener: listener === '-' ? null : parseInt(listener!, 16), fromMinute, toMinute };
}

/** Stored catches as the report shows them: with the rule's reason and times. */
export function catchViews(rows: readonly CatchRow[], limit = 50): FlagCatchView[] {
  return rows.slice(0, limit).map((c) => ({
    id: catchId(c),
    rule: c.rule as FlagRuleId,
    reason: flagRule(c.rule as FlagRuleId).reason,
    listener: c.listener === null ? null : pseudonym(c.listener),
    country: c.country,
    from: new Date(c.fromMinute * MINUTE_MS).toISOString(),
    to: new Date(c.toMinute * MINUTE_MS + MINUTE_MS - 1).toISOString(),
    plays: c.plays,
    disputed: c.disputed === 1,
  }));
}
