import path from 'node:path';
import type { Command } from '../Command';
import { UsageError } from '../Command';
import { callContract } from '../callContract';
import type { Inspection } from '../../../shared/contract/exportsContract';
import { displayFingerprint } from '../../../shared/rights/displayFingerprint';

/**
 * `stemroom inspect FILE`: what an audio file or delivery bundle says about itself, checked against its signature, sidecar and the ledger.
 *
 * @example
 * $ stemroom inspect night-mix.wav
 * /home/mara/music/night-mix.wav (wav)
 * Copper Sky (night mix) — remix by Mara Quinn, export 01a2340a-6288-7be4-ac4d-af243b6b270a
 * Audio hash 0cd8e4f3c13e31dc7766e121d93673e79c61b3cdbd3c8c4c27a9087eec4da499 matches the record
 * Signature: valid, by this library (key 5425 2afb ac53 53d7 8f20 06ed 4100 59e7)
 * Ledger: matches
 * Credits file beside it: matches
 * Credits:
 *   "Copper Sky (night mix)" — remix by Mara Quinn.
 *   …
 */
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
    return inspection.hasRecord &&
      inspection.audioMatches &&
      inspection.ledger === 'matches' &&
      inspection.signature?.status === 'valid' &&
      inspection.problems.length === 0
      ? 0
      : 1;
  },
};

function signatureLine(signature: Inspection['signature']): string {
  if (!signature) return '—';
  if (signature.status !== 'valid') return signature.status.toUpperCase();
  return `valid, by ${signature.byThisLibrary ? 'this library' : 'another library'} (key ${displayFingerprint(signature.keyFingerprint ?? '')})`;
}
