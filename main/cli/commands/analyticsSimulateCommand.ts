import type { Command } from '../Command';
import { UsageError } from '../Command';
import { callContract } from '../callContract';

const integer = (value: unknown, name: string, fallback?: number): number | undefined => {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n)) throw new UsageError(`${name} takes a whole number`);
  return n;
};

export const analyticsSimulateCommand: Command = {
  name: 'analytics simulate',
  summary: 'Generate realistic plays of an export for demos (listeners leave more at weak moments of the arrangement)',
  usage: 'EXPORT_ID --plays N [--seed S] [--days D] [--artificial SHARE]',
  options: { plays: { type: 'string' }, seed: { type: 'string' }, days: { type: 'string' }, artificial: { type: 'string' } },
  async run({ positionals, values, services, out }) {
    if (positionals.length !== 1) throw new UsageError('name one export id');
    const plays = integer(values.plays, '--plays');
    if (plays === undefined) throw new UsageError('--plays N is required');
    const artificial = values.artificial === undefined ? undefined : Number(values.artificial);
    if (artificial !== undefined && !Number.isFinite(artificial)) throw new UsageError('--artificial takes a share, e.g. 0.02');
    const summary = await callContract(await services(), 'analytics.simulate', {
      exportId: positionals[0]!,
      plays,
      seed: integer(values.seed, '--seed'),
      days: integer(values.days, '--days'),
      artificialShare: artificial,
    });
    out.result(summary, () => [`Simulated ${summary.lines} play(s) in ${summary.seconds.toFixed(1)} s: ${summary.added} added, ${summary.duplicates} already there, ${summary.flagged} flagged as artificial.`]);
  },
};
