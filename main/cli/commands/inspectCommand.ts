import path from 'node:path';
import type { Command } from '../Command';
import { UsageError } from '../Command';
import { callContract } from '../callContract';

export const inspectCommand: Command = {
  name: 'inspect',
  summary: "Read an export's embedded attribution, recheck its audio hash and the ledger",
  usage: 'FILE',
  async run({ positionals, services, out }) {
    if (positionals.length !== 1) throw new UsageError('name one file');
    const inspection = await callContract(await services(), 'exports.inspect', { source: { path: path.resolve(positionals[0]!) } });
    out.result(inspection, () => {
      const r = inspection.record;
      return [
        `${inspection.path} (${inspection.format})`,
        r ? `${r.output.title} — ${r.output.versionType} by ${r.creator.name}, export ${r.exportId}` : 'No Stemroom attribution record.',
        `Audio hash ${inspection.audioSha256} ${inspection.audioMatches ? 'matches the record' : 'does NOT match the record'}`,
        `Ledger: ${inspection.ledger}`,
        ...(r ? ['Credits:', ...r.credits.map((c) => `  ${c}`)] : []),
        ...inspection.problems.map((p) => `! ${p}`),
      ];
    });
    return inspection.hasRecord && inspection.audioMatches && inspection.ledger === 'matches' ? 0 : 1;
  },
};
