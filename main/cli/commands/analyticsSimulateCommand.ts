import type { Command } from '../Command';
import { UsageError } from '../Command';
import { callContract } from '../callContract';
import { numberOption } from '../numberOption';

/**
 * `stemroom analytics simulate EXPORT_ID --plays N`: generated plays of an export for demos (marked as simulated in reports).
 *
 * @example
 * $ stemroom analytics simulate 01a2340a-6288-7be4-ac4d-af243b6b270a --plays 3000 --seed 7
 * Simulated 3000 play(s) in 0.1 s: 3000 added, 0 already there, 60 flagged as artificial.
 */
export const analyticsSimulateCommand: Command = {
  name: 'analytics simulate',
  summary: 'Generate realistic plays of an export for demos (listeners leave more at weak moments of the arrangement)',
  usage: 'EXPORT_ID --plays N [--seed S] [--days D] [--artificial SHARE]',
  options: { plays: { type: 'string' }, seed: { type: 'string' }, days: { type: 'string' }, artificial: { type: 'string' } },
  async run({ positionals, values, services, out }) {
    if (positionals.length !== 1) throw new UsageError('name one export id');
    const plays = numberOption(values, 'plays', { integer: true, min: 1, takes: 'a number of plays' });
    if (plays === undefined) throw new UsageError('--plays N is required');
    const artificial = numberOption(values, 'artificial', { min: 0, max: 1, takes: 'a share from 0 to 1, e.g. 0.02' });
    const summary = await callContract(await services(), 'analytics.simulate', {
      exportId: positionals[0]!,
      plays,
      seed: numberOption(values, 'seed', { integer: true, takes: 'a whole number' }),
      days: numberOption(values, 'days', { integer: true, min: 1, takes: 'a number of days' }),
      artificialShare: artificial,
    });
    out.result(summary, () => [
      `Simulated ${summary.lines} play(s) in ${summary.seconds.toFixed(1)} s: ${summary.added} added, ${summary.duplicates} already there, ${summary.flagged} flagged as artificial.`,
    ]);
  },
};
