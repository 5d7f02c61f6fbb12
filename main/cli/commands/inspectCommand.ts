import path from 'node:path';
import type { Command } from '../Command';
import { UsageError } from '../Command';
import { callContract } from '../callContract';
import type { Inspection } from '../../../shared/contract/exportsContract';
import { displayFingerprint } from '../../../shared/rights/displayFingerprint';

export const inspectCommand: Command = {
  name: 'inspect',
  summary: "Read an export's embedded attribution, recheck its audio hash and the ledger; or check a whole delivery bundle",
  usage: 'FILE | BUNDLE_FOLDER | BUNDLE.zip',
  async run({ positionals, services, out }) {
    if (positionals.length !== 1) throw new UsageError('name one file');
    const inspection = await callContract(await services(), 'exports.inspect', { source: { path: path.resolve(positionals[0]!) } });
    out.result(inspection, () => {
      const r = inspection.record;
      return [
        `${inspection.path} (${inspection.format})`,
        r ? `${r.output.title} — ${r.output.versionType} by ${r.creator.name}, export ${r.exportId}` : 'No Stemroom attribution record.',
        `Audio hash ${inspection.audioSha256} ${inspection.audioMatches ? 'matches the record' : 'does NOT match the record'}`,
        `Signature: ${signatureLine(inspection.signature)}`,
        `Ledger: ${inspection.ledger}`,
        ...(inspection.bundle
          ? [
              `Bundle: ${inspection.bundle.files.length} files; credits.json ${inspection.bundle.credits}; split sheet ${inspection.bundle.splitSheet}; ledger proof ${inspection.bundle.ledgerProof}; licence terms ${inspection.bundle.missingLicences.length ? `missing for ${inspection.bundle.missingLicences.join(', ')}` : 'all there'}`,
            ]
          : [`Credits file beside it: ${inspection.sidecar}`]),
        ...(r ? ['Credits:', ...r.credits.map((c) => `  ${c}`)] : []),
        ...inspection.problems.map((p) => `! ${p}`),
      ];
    });
    return inspection.hasRecord && inspection.audioMatches && inspection.ledger === 'matches' && inspection.signature?.status === 'valid' && inspection.problems.length === 0 ? 0 : 1;
  },
};

function signatureLine(signature: Inspection['signature']): string {
  if (!signature) return '—';
  if (signature.status !== 'valid') return signature.status.toUpperCase();
  return `valid, by ${signature.byThisLibrary ? 'this library' : 'another library'} (key ${displayFingerprint(signature.keyFingerprint ?? '')})`;
}
