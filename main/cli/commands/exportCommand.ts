import path from 'node:path';
import type { Command } from '../Command';
import { UsageError } from '../Command';
import { callContract } from '../callContract';
import { numberOption } from '../numberOption';
import { ServiceError } from '../../services/ServiceError';
import type { RightsReasonView } from '../../../shared/contract/exportsContract';
import { PROJECT_SAMPLE_RATES, type ProjectSampleRate } from '../../../shared/project/projectSampleRate';
import { aiUses, exportChannels, type AiUse, type ExportChannel } from '../../../shared/catalog/catalogPackageSchema';

/**
 * `stemroom export PROJECT_ID --out FILE`: checks the licences, renders, and writes an attributed export; refused with each reason and its fix.
 *
 * @example
 * $ stemroom export 074c7f37-e9fe-4c69-94ad-6ca2d0c5900b --out night-mix.wav
 * The export is not allowed:
 *   • The vocals stem "Vocal hook" of "Copper Sky" may not be used in remixes (licence KD-M-0042). Mute or remove track "Vocal hook".
 * stemroom: export refused: The vocals stem "Vocal hook" of "Copper Sky" may not be used in remixes (licence KD-M-0042).
 * $ stemroom project command 074c7f37-e9fe-4c69-94ad-6ca2d0c5900b "mute the vocal hook" --apply 1
 * $ stemroom export 074c7f37-e9fe-4c69-94ad-6ca2d0c5900b --out night-mix.wav --normalize -14 --isrc ZZ-MQN-26-00001
 * Exported /home/mara/music/night-mix.wav (38.7 s, wav), ledger entry 1.
 * Credits: /home/mara/music/night-mix.wav.credits.json
 *   "Copper Sky (night mix)" — remix by Mara Quinn.
 *   Remix of 'Copper Sky' (ISRC ZZ-KDL-26-00042) by Kite District feat. Sana Ilves, written by … Used under licences KD-M-0042 and BWP-P-7781.
 *   …
 */
export const exportCommand: Command = {
  name: 'export',
  summary: 'Check the licences, render, and write an attributed export (refused with reasons when a licence forbids it)',
  usage:
    'PROJECT_ID --out FILE [--format wav|flac|mp3] [--bit-depth 16|24] [--sample-rate 44100|48000|88200|96000] [--territory CC] [--normalize LUFS] [--title T] [--creator NAME] [--isrc CC-XXX-YY-NNNNN] [--channel streaming-distribution|social-only|non-commercial|sync-on-request] [--ai-use voice-model|training] [--bundle [--zip]]',
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
    bundle: { type: 'boolean' },
    zip: { type: 'boolean' },
  },
  async run({ positionals, values, services, out }) {
    if (positionals.length !== 1) throw new UsageError('name one project id');
    if (values.zip && !values.bundle) throw new UsageError('--zip goes with --bundle (the delivery bundle as one .zip)');
    const format = (values.format ?? (typeof values.out === 'string' ? path.extname(values.out).slice(1).toLowerCase() : 'wav')) || 'wav';
    if (!['wav', 'flac', 'mp3'].includes(String(format))) throw new UsageError('--format is wav, flac or mp3');
    const bitDepth = numberOption(values, 'bit-depth', { integer: true, takes: '16 or 24' }) ?? 24;
    if (bitDepth !== 16 && bitDepth !== 24) throw new UsageError(`--bit-depth takes 16 or 24, not "${bitDepth}"`);
    const sampleRate = numberOption(values, 'sample-rate', { integer: true, takes: `${PROJECT_SAMPLE_RATES.join(', ')} (Hz)` });
    if (sampleRate !== undefined && !PROJECT_SAMPLE_RATES.includes(sampleRate as ProjectSampleRate))
      throw new UsageError(`--sample-rate is ${PROJECT_SAMPLE_RATES.join(', ')} (Hz); without it the export keeps the project's rate`);
    const normalize = numberOption(values, 'normalize', { min: -40, max: -5, takes: 'a loudness target in LUFS from -40 to -5, e.g. -14' }) ?? null;
    const channel = values.channel ?? 'streaming-distribution';
    if (!exportChannels.includes(channel as ExportChannel))
      throw new UsageError(`--channel is one of ${exportChannels.join(', ')} (where the export goes; every licence's scopes are checked)`);
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
        bundle: values.bundle ? (values.zip ? 'zip' : 'folder') : undefined,
      });
      out.result(summary, () => [
        `Exported ${summary.path} (${summary.durationSec.toFixed(1)} s, ${summary.format}), ledger entry ${summary.ledgerPosition}.`,
        ...summary.notes.map((note) => `Note: ${note}`),
        `Credits: ${summary.creditsPath}`,
        ...(summary.bundlePath ? [`Delivery bundle: ${summary.bundlePath}`] : []),
        ...summary.credits.map((line) => `  ${line}`),
      ]);
    } catch (error) {
      if (error instanceof ServiceError && error.code === 'refused') {
        const reasons = (error.details as { reasons: RightsReasonView[] }).reasons;
        // One document with --json: the error and every reason in it; a person also gets each reason with its fix.
        if (!out.json) out.result(null, () => ['The export is not allowed:', ...reasons.map((r) => `  • ${r.message} ${r.fix}`)]);
        out.error(`export refused: ${reasons.map((r) => r.message).join(' ')}`, undefined, { refused: true, reasons });
        return 1;
      }
      throw error;
    }
  },
};
