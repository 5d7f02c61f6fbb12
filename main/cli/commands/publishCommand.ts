import fs from 'node:fs';
import path from 'node:path';
import type { Command } from '../Command';
import { UsageError } from '../Command';
import { callContract } from '../callContract';
import { displayFingerprint } from '../../../shared/rights/displayFingerprint';
import { ServiceError } from '../../services/ServiceError';

/**
 * `stemroom publish EXPORT --terms FILE --out DIR [--stems] [--key FILE] [--isrc ISRC]`:
 * one of your exports as a signed catalog package others can remix, under
 * your terms (stemroom-terms/1), bounded by every licence upstream.
 *
 * @example
 * $ stemroom publish 01a2340a-6288-7be4-ac4d-af243b6b270a --terms my-terms.json --stems --out night-mix-stems
 * Not published:
 *   • Licence KD-M-0042 of Kite District Ltd (for "Copper Sky") does not let remixes be re-licensed: this export may be released for listening, not published as a source.
 *   • Licence BWP-P-7781 of Brightwater Publishing (for "Copper Sky") does not let remixes be re-licensed: …
 * stemroom: publish refused: Licence KD-M-0042 of Kite District Ltd (for "Copper Sky") does not let remixes be re-licensed: …
 * # where every licence upstream allows it: Published DIR (package ID), signed with key …; then the stems,
 * # their null test against the mix, and each licence of the new package
 */
export const publishCommand: Command = {
  name: 'publish',
  summary: 'Publish one of your exports as a signed catalog package others can remix (your terms, bounded by upstream)',
  usage: 'EXPORT_ID --terms FILE --out DIR [--stems] [--key FILE] [--isrc CC-XXX-YY-NNNNN]',
  options: { terms: { type: 'string' }, out: { type: 'string' }, stems: { type: 'boolean' }, key: { type: 'string' }, isrc: { type: 'string' } },
  async run({ positionals, values, services, out }) {
    if (positionals.length !== 1) throw new UsageError('name one export id (stemroom exports lists them)');
    if (typeof values.terms !== 'string') throw new UsageError('name your licence terms with --terms FILE (stemroom-terms/1; see docs/lineage.md)');
    if (typeof values.out !== 'string') throw new UsageError('name the package folder to write with --out DIR');
    let terms: unknown;
    try {
      terms = JSON.parse(fs.readFileSync(path.resolve(values.terms), 'utf8'));
    } catch (error) {
      throw new Error(`${values.terms}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `not JSON (${(error as Error).message})`}`);
    }
    try {
      const summary = await callContract(await services(), 'lineage.publish', {
        exportId: positionals[0]!,
        terms: terms as never,
        stems: values.stems === true,
        out: path.resolve(values.out),
        ...(typeof values.key === 'string' ? { keyPath: path.resolve(values.key) } : {}),
        ...(typeof values.isrc === 'string' ? { isrc: values.isrc } : {}),
      });
      out.result(summary, () => [
        `Published ${summary.path} (package ${summary.packageId}), signed with key ${displayFingerprint(summary.keyFingerprint)}.`,
        `Stems: ${summary.stems.join(', ')}${summary.nullTestDb !== null ? ` (they sum to the mix: residual ${summary.nullTestDb} dBFS)` : ''}; ${summary.ancestors} ancestor package${summary.ancestors === 1 ? '' : 's'} carried.`,
        ...summary.licences.map((l) => `  ${l.id} (${l.type}): ${l.summary}`),
      ]);
    } catch (error) {
      if (error instanceof ServiceError && error.code === 'refused') {
        const problems = (error.details as { problems?: string[] } | undefined)?.problems ?? [error.message];
        out.result({ ok: false, refused: true, problems }, () => ['Not published:', ...problems.map((p) => `  • ${p}`)]);
        out.error(`publish refused: ${error.message}`);
        return 1;
      }
      throw error;
    }
  },
};
