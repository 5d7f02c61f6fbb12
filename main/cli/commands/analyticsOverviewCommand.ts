import type { Command } from '../Command';
import { callContract } from '../callContract';
import { headlineLine } from './analyticsReportCommand';

export const analyticsOverviewCommand: Command = {
  name: 'analytics overview',
  summary: 'Every export with its plays, skip and completion rates',
  usage: '[--exclude-flagged]',
  options: { 'exclude-flagged': { type: 'boolean' } },
  async run({ values, services, out }) {
    const items = await callContract(await services(), 'analytics.overview', { excludeFlagged: values['exclude-flagged'] === true });
    out.result(items, () => (items.length ? items.map((i) => `${i.export.id}  "${i.export.title}": ${headlineLine(i.headline)}`) : ['No exports yet.']));
  },
};
