import type { Command } from '../Command';
import { UsageError } from '../Command';
import { callContract } from '../callContract';

/**
 * `stemroom analytics flagged EXPORT_ID [--limit N]`: an export's flagged plays, newest first, with the rules that caught each.
 *
 * @example
 * $ stemroom analytics flagged 01a2340a-6288-7be4-ac4d-af243b6b270a --limit 3
 * 2026-11-25T22:52:25.099Z  listener 0fe7915adf3d43  NZ  39939 ms  repeat
 * 2026-11-25T22:49:02.903Z  listener 0fe7915adf3d43  NL  40104 ms  repeat
 * 2026-11-25T22:38:13.547Z  listener 0fe7915adf3d43  BR  26603 ms  repeat
 */
export const analyticsFlaggedCommand: Command = {
  name: 'analytics flagged',
  summary: 'Flagged plays of an export, newest first, each with the rules that caught it',
  usage: 'EXPORT_ID [--limit N]',
  options: { limit: { type: 'string' } },
  async run({ positionals, values, services, out }) {
    if (positionals.length !== 1) throw new UsageError('name one export id');
    const limit = values.limit === undefined ? 100 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new UsageError('--limit takes a whole number from 1 to 1000');
    const plays = await callContract(await services(), 'analytics.flaggedPlays', { exportId: positionals[0]!, limit });
    out.result(plays, () =>
      plays.length
        ? plays.map((p) => `${p.playedAt}  listener ${p.listener}  ${p.country}  ${p.msPlayed} ms  ${p.rules.join(', ')}${p.disputed ? '  [disputed]' : ''}`)
        : ['No flagged plays.'],
    );
  },
};
