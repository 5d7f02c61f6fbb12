import type { Command } from '../Command';
import { UsageError } from '../Command';
import { callContract } from '../callContract';
import type { Headline } from '../../../shared/contract/analyticsContract';

const percent = (share: number | null) => (share === null ? '—' : `${(share * 100).toFixed(1)} %`);
const clock = (seconds: number) => `${Math.floor(seconds / 60)}:${String(Math.floor(seconds % 60)).padStart(2, '0')}`;
export const headlineLine = (h: Headline) =>
  `${h.plays} plays, ${h.listeners} listeners · skip ${percent(h.skipRate)} · complete ${percent(h.completionRate)} · mean heard ${percent(h.meanShare)}${h.medianShare === null ? '' : ` · median heard ${percent(h.medianShare)}`}`;

export const analyticsReportCommand: Command = {
  name: 'analytics report',
  summary: "One export's listener figures: headline, drop-off moments, breakdowns (the Analytics dashboard)",
  usage: 'EXPORT_ID [--exclude-flagged]',
  options: { 'exclude-flagged': { type: 'boolean' } },
  async run({ positionals, values, services, out }) {
    if (positionals.length !== 1) throw new UsageError('name one export id');
    const report = await callContract(await services(), 'analytics.report', { exportId: positionals[0]!, excludeFlagged: values['exclude-flagged'] === true });
    out.result(report, () => [
      `"${report.export.title}" by ${report.export.creator} (${clock(report.export.durationSec)})${report.excludeFlagged ? ', artificial-looking plays excluded' : ''}`,
      `  ${headlineLine(report.headline)}`,
      `  flagged as artificial: ${report.flagged.plays}`,
      ...(report.dropOffs.length ? ['Drop-off moments:'] : []),
      ...report.dropOffs.map(
        (d) =>
          `  ${clock(d.second)}  −${(d.lostShare * 100).toFixed(1)} % of plays${d.section ? ` in ${d.section}` : ''}${d.leaving.length ? `; ${d.leaving.join(', ')} stop${d.leaving.length === 1 ? 's' : ''}` : ''}${d.entering.length ? `; ${d.entering.join(', ')} come${d.entering.length === 1 ? 's' : ''} in` : ''}`,
      ),
      `Top countries: ${report.breakdowns.country.slice(0, 5).map((c) => `${c.key} ${c.plays}`).join(', ') || '—'}`,
      `Sources: ${report.breakdowns.source.map((s) => `${s.key} ${s.plays}`).join(', ') || '—'}`,
      ...report.versions.map((v) => `Version "${v.export.title}": ${headlineLine(v.headline)}`),
      ...(report.similar ? [`Your ${report.similar.exports} other export(s) of similar length: ${headlineLine(report.similar.headline)}`] : []),
    ]);
  },
};
