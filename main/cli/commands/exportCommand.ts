import path from 'node:path';
import type { Command } from '../Command';
import { UsageError } from '../Command';
import { callContract } from '../callContract';
import { ServiceError } from '../../services/ServiceError';
import type { RightsReasonView } from '../../../shared/contract/exportsContract';
import { PROJECT_SAMPLE_RATES, type ProjectSampleRate } from '../../../shared/project/projectSampleRate';
import { aiUses, exportChannels, type AiUse, type ExportChannel } from '../../../shared/catalog/catalogPackageSchema';

export const exportCommand: Command = {
  name: 'export',
  summary: 'Check the licences, render, and write an attributed export (refused with reasons when a licence forbids it)',
  usage: 'PROJECT_ID --out FILE [--format wav|flac|mp3] [--bit-depth 16|24] [--sample-rate 44100|48000|88200|96000] [--territory CC] [--normalize LUFS] [--title T] [--creator NAME] [--isrc CC-XXX-YY-NNNNN] [--channel streaming-distribution|social-only|non-commercial|sync-on-request] [--ai-use voice-model|training]',
  options: {
    out: { type: 'string' },
    format: { type: 'string' },
    'bit-depth': { type: 'string' },
    'sample-rate': { type: 'string' },
    territory: { type: 'string' },
    normalize: { type: 'string' },
    title: { type: 'string' },
    creator: { type: 'string' },
    isrc: { type: 'string' },
    channel: { type: 'string' },
    'ai-use': { type: 'string' },
  },
  async run({ positionals, values, services, out }) {
    if (positionals.length !== 1) throw new UsageError('name one project id');
    const format = (values.format ?? (typeof values.out === 'string' ? path.extname(values.out).slice(1).toLowerCase() : 'wav')) || 'wav';
    if (!['wav', 'flac', 'mp3'].includes(String(format))) throw new UsageError('--format is wav, flac or mp3');
    const bitDepth = values['bit-depth'] === undefined ? 24 : Number(values['bit-depth']);
    if (bitDepth !== 16 && bitDepth !== 24) throw new UsageError('--bit-depth is 16 or 24');
    const sampleRate = values['sample-rate'] === undefined ? undefined : Number(values['sample-rate']);
    if (sampleRate !== undefined && !PROJECT_SAMPLE_RATES.includes(sampleRate as 44100)) throw new UsageError(`--sample-rate is ${PROJECT_SAMPLE_RATES.join(', ')} (Hz); without it the export keeps the project's rate`);
    const normalize = values.normalize === undefined ? null : Number(values.normalize);
    if (normalize !== null && !Number.isFinite(normalize)) throw new UsageError('--normalize takes a loudness in LUFS, e.g. -14');
    const channel = values.channel ?? 'streaming-distribution';
    if (!exportChannels.includes(channel as ExportChannel)) throw new UsageError(`--channel is one of ${exportChannels.join(', ')} (where the export goes; every licence's scopes are checked)`);
    const aiUse = values['ai-use'];
    if (aiUse !== undefined && !aiUses.includes(aiUse as AiUse)) throw new UsageError(`--ai-use is ${aiUses.join(' or ')}`);
    try {
      const summary = await callContract(await services(), 'exports.start', {
        projectId: positionals[0]!,
        path: typeof values.out === 'string' ? path.resolve(values.out) : undefined,
        format: format as 'wav',
        bitDepth,
        sampleRate: sampleRate as ProjectSampleRate | undefined,
        territory: typeof values.territory === 'string' ? values.territory.toUpperCase() : undefined,
        normalizeLufs: normalize,
        title: typeof values.title === 'string' ? values.title : undefined,
        creator: typeof values.creator === 'string' ? values.creator : undefined,
        isrc: typeof values.isrc === 'string' ? values.isrc : undefined,
        channel: channel as ExportChannel,
        ...(aiUse ? { aiUse: aiUse as AiUse } : {}),
      });
      out.result(summary, () => [
        `Exported ${summary.path} (${summary.durationSec.toFixed(1)} s, ${summary.format}), ledger entry ${summary.ledgerPosition}.`,
        `Credits: ${summary.creditsPath}`,
        ...summary.credits.map((line) => `  ${line}`),
      ]);
    } catch (error) {
      if (error instanceof ServiceError && error.code === 'refused') {
        const reasons = (error.details as { reasons: RightsReasonView[] }).reasons;
        out.result({ ok: false, refused: true, reasons }, () => ['The export is not allowed:', ...reasons.map((r) => `  • ${r.message} ${r.fix}`)]);
        out.error(`export refused: ${reasons.map((r) => r.message).join(' ')}`);
        return 1;
      }
      throw error;
    }
  },
};
