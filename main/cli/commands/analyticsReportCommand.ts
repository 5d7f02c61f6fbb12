import type { Command } from '../Command';
import { UsageError } from '../Command';
import { callContract } from '../callContract';
import type { AnalyticsReport, Headline } from '../../../shared/contract/analyticsContract';

const percent = (share: number | null) => (share === null ? '—' : `${(share * 100).toFixed(1)} %`);
const clock = (seconds: number) => `${Math.floor(seconds / 60)}:${String(Math.floor(seconds % 60)).padStart(2, '0')}`;
/**
 * An export's headline figures in one line (the report's and the overview's).
 *
 * @example
 * headlineLine(report.headline);   // "3000 plays, 1062 listeners · skip 33.7 % · complete 60.8 % · mean heard 76.2 % · median heard 98.2 %"
 */
export const headlineLine = (h: Headline) =>
  `${h.plays} plays, ${h.listeners} listeners · skip ${percent(h.skipRate)} · complete ${percent(h.completionRate)} · mean heard ${percent(h.meanShare)}${h.medianShare === null ? '' : ` · median heard ${percent(h.medianShare)}`}`;

/** The report in plain lines: what the Analytics dashboard shows, top to bottom. */
function reportLines(report: AnalyticsReport): string[] {
  const { segments: s, flagged } = report;
  return [
    `"${report.export.title}" by ${report.export.creator} (${clock(report.export.durationSec)})${report.excludeFlagged ? ', artificial-looking plays excluded (disputed ones counted)' : ''}`,
    `  ${headlineLine(report.headline)}`,
    ...(report.upheld ? [`  with your disputes rejected: ${headlineLine(report.upheld.headline)}`] : []),
    `  listeners: ${s.oneTime.listeners} one-time (${percent(s.oneTime.shareOfPlays)} of plays), ${s.returning.listeners} returning (${percent(s.returning.shareOfPlays)} of plays), repeat rate ${percent(s.repeatRate)}`,
    ...(report.dropOffs.length ? ['Drop-off moments:'] : []),
    ...report.dropOffs.map(
      (d) =>
        `  ${clock(d.second)}  −${(d.lostShare * 100).toFixed(1)} % of plays${d.significant ? '' : ' (not significant)'}${d.section ? ` in ${d.section}` : ''}${d.leaving.length ? `; ${d.leaving.join(', ')} stop${d.leaving.length === 1 ? 's' : ''}` : ''}${d.entering.length ? `; ${d.entering.join(', ')} come${d.entering.length === 1 ? 's' : ''} in` : ''}`,
    ),
    ...(report.dropOffs.length && !report.dropOffRule.enoughPlays ? [`  ${report.dropOffRule.text}`] : []),
    ...(report.sectionsNote ? [`  ${report.sectionsNote}`] : []),
    ...(flagged.plays ? [`Looks artificial: ${flagged.plays} play(s)${flagged.disputed ? `, ${flagged.disputed} disputed` : ''}:`] : []),
    ...flagged.catches.map(
      (c) =>
        `  ${c.plays} — ${c.reason}${c.listener ? ` (listener ${c.listener})` : c.country ? ` (${c.country})` : ''}, ${c.from.slice(0, 16)}–${c.to.slice(0, 16)}${c.disputed ? ' [disputed]' : ''}  id ${c.id}`,
    ),
    `Top countries: ${
      report.breakdowns.country
        .slice(0, 5)
        .map((c) => `${c.key} ${c.plays}`)
        .join(', ') || '—'
    }`,
    `Sources: ${report.breakdowns.source.map((x) => `${x.key} ${x.plays}`).join(', ') || '—'}`,
    ...report.versions.map((v) => `Version "${v.export.title}" (revision ${v.export.revision}): ${headlineLine(v.headline)}`),
    ...report.moments
      .filter((m) => m.versions.length > 1)
      .flatMap((m) => [
        `At ${clock(m.second)} (${m.origin === 'fix' ? `fix tried from revision ${m.fixRevision}` : 'drop-off'}):`,
        ...m.versions.map(
          (v) =>
            `  "${v.title}" rev. ${v.revision}: ${percent(v.at)} still listening, ${percent(v.after)} 3 s later (lost ${percent(v.lostShare)}), ${v.plays} plays`,
        ),
      ]),
    ...(report.similar ? [`Your ${report.similar.exports} other export(s) of similar length: ${headlineLine(report.similar.headline)}`] : []),
  ];
}

/**
 *
 * @example
 * $ stemroom analytics report 01a2340a-6288-7be4-ac4d-af243b6b270a
 * "Copper Sky (night mix)" by Mara Quinn (0:38)
 *   3000 plays, 1062 listeners · skip 33.7 % · complete 60.8 % · mean heard 76.2 % · median heard 98.2 %
 *   listeners: 313 one-time (10.4 % of plays), 749 returning (89.6 % of plays), repeat rate 70.5 %
 * Drop-off moments:
 *   0:15  −6.9 % of plays in Drop
 * Looks artificial: 60 play(s):
 *   60 — one listener played it 20 or more times within 24 hours (listener 0fe7915adf3d43), 2026-11-25T00:13–2026-11-25T22:52  id repeat~0fe7915adf3d43~29926093~29927452
 * Top countries: US 833, GB 306, DE 247, BR 229, MX 181
 * Sources: playlist 1343, radio 489, search 448, profile 418, other 152, album 150
 */
export const analyticsReportCommand: Command = {
  name: 'analytics report',
  summary:
    "One export's listener figures: headline, listener segments, drop-off moments, flags with reasons, versions at the moments that matter (the Analytics dashboard)",
  usage: 'EXPORT_ID [--exclude-flagged]',
  options: { 'exclude-flagged': { type: 'boolean' } },
  async run({ positionals, values, services, out }) {
    if (positionals.length !== 1) throw new UsageError('name one export id');
    const report = await callContract(await services(), 'analytics.report', { exportId: positionals[0]!, excludeFlagged: values['exclude-flagged'] === true });
    out.result(report, () => reportLines(report));
  },
};
