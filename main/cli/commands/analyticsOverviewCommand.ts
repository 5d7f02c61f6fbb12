import type { Command } from '../Command';
import { callContract } from '../callContract';
import { headlineLine } from './analyticsReportCommand';

/**
 * `stemroom analytics overview [--exclude-flagged]`: every export's headline listener figures in one line each.
 *
 * @example
 * $ stemroom analytics overview
 * 01a2340a-6288-7be4-ac4d-af243b6b270a  "Copper Sky (night mix)": 3000 plays, 1062 listeners · skip 33.7 % · complete 60.8 % · mean heard 76.2 %
 */
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
