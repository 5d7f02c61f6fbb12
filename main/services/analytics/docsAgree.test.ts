import fs from 'node:fs';
import { expect, it } from 'vitest';
import { DROP_OFF_SIGNIFICANCE_RULE } from '../../../shared/analytics/dropOffSignificance';
import { FLAG_RULES } from '../../../shared/analytics/flagRules';

/** docs/plays-format.md states the rules as the code computes them: the same sentences, word for word. */
it('docs/plays-format.md quotes the drop-off significance rule and every flag rule exactly as the code has them', () => {
  const docs = fs.readFileSync('docs/plays-format.md', 'utf8').replace(/\s+/g, ' ');
  expect(docs).toContain(DROP_OFF_SIGNIFICANCE_RULE);
  for (const rule of FLAG_RULES) {
    const row = docs.match(new RegExp(`\\| ${rule.id} \\| ([^|]+) \\|`))?.[1];
    expect(row, rule.id).toBeDefined();
    // The docs' table says when a play is flagged; the reason each play carries is its first part, word for word.
    expect(row!.replace(/ \([^)]*\)/g, '').replace(/: .*$/, ''), rule.id).toBe(rule.reason);
  }
});
