import type { Command } from '../Command';
import { UsageError } from '../Command';
import { callContract } from '../callContract';
import { formatIsrc, formatIswc } from '../../../shared/rights/identifiers';
import { displayFingerprint } from '../../../shared/rights/displayFingerprint';

const percent = (bp: number) => `${(bp / 100).toFixed(2).replace(/\.?0+$/, '')} %`;

/**
 * `stemroom catalog show RECORDING_ID`: one recording's credits, shares, stems and licences, judged for a territory.
 *
 * @example
 * $ stemroom catalog show kd-r-copper-sky
 * Copper Sky — Kite District feat. Sana Ilves  (Kite District Ltd, ISRC ZZ-KDL-26-00042)
 * 124 BPM, F# minor, 38.7 s · package Kite District — Copper Sky stems v1, signed (key 2201 da0f fd4d 0db1 f5bf fca1 43a4 e8fd)
 * Work: Copper Sky (ISWC T-329.664.071-2)
 *   written by Sana Ilves (composer-lyricist) 33.34 %
 *   …
 * Stems:
 *   Drums            drums   38.7 s  -26.36 LUFS
 *   …
 *   Vocal hook       vocals  38.7 s  -20.86 LUFS  (not for remix: Licence KD-M-0042 does not allow the stem "Vocal hook" to be used in remixes.)
 * Licences (as of 2026-12-01 in US):
 *   KD-M-0042 [master, Kite District Ltd] Remix allowed worldwide except Germany and France until 14 Apr 2028. …
 *   BWP-P-7781 [publishing, Brightwater Publishing] Remix allowed worldwide except Germany and France. …
 * Remix: allowed
 * Cover: not allowed — Licence BWP-P-7781 does not permit covers.
 */
export const catalogShowCommand: Command = {
  name: 'catalog show',
  summary: 'Show a recording: credits, shares, stems and licences',
  usage: 'RECORDING_ID [--territory CC]',
  options: { territory: { type: 'string' } },
  async run({ positionals, values, services, out }) {
    if (positionals.length !== 1) throw new UsageError('name one recording id');
    const r = await callContract(await services(), 'catalog.recording', {
      id: positionals[0]!,
      territory: typeof values.territory === 'string' ? values.territory.toUpperCase() : undefined,
    });
    out.result(r, () => [
      `${r.title} — ${r.displayArtist}  (${r.label}, ISRC ${formatIsrc(r.isrc)})`,
      `${r.bpm} BPM, ${r.key}, ${(r.durationMs / 1000).toFixed(1)} s · package ${r.package.title} v${r.package.version}, ${r.package.keyFingerprint ? `signed (key ${displayFingerprint(r.package.keyFingerprint)})` : 'UNSIGNED: nothing proves who delivered it'}`,
      `Work: ${r.work.title}${r.work.iswc ? ` (ISWC ${formatIswc(r.work.iswc)})` : ''}`,
      ...r.work.writers.map((w) => `  written by ${w.name} (${w.role}) ${percent(w.shareBp)}`),
      ...r.work.publishers.map((p) => `  published by ${p.name} ${percent(p.shareBp)}`),
      ...r.masterOwners.map((m) => `  master owned by ${m.name} ${percent(m.shareBp)}`),
      ...r.credits.map((c) => `  ${c.role}: ${c.name}${c.instrument ? ` (${c.instrument})` : ''}`),
      'Stems:',
      ...r.stems.map(
        (s) =>
          `  ${s.name.padEnd(16)} ${s.kind.padEnd(7)} ${s.durationSec.toFixed(1)} s  ${s.loudnessLufs ?? '–'} LUFS${s.remix.usable ? '' : `  (not for remix: ${s.remix.reason})`}`,
      ),
      `Licences (as of ${r.date} in ${r.territory}):`,
      ...r.licences.map((l) => `  ${l.id} [${l.type}, ${l.licensor}] ${l.summary}${l.inactiveReason ? `  — not in force: ${l.inactiveReason}` : ''}`),
      `Remix: ${r.remix.allowed ? 'allowed' : `not allowed — ${r.remix.reasons.join(' ')}`}`,
      `Cover: ${r.cover.allowed ? 'allowed' : `not allowed — ${r.cover.reasons.join(' ')}`}`,
    ]);
  },
};
