import { aiUses, exportChannels, type AiUse, type ExportChannel, type Licence } from '../catalog/catalogPackageSchema';

/**
 * A licence's scopes with stemroom-catalog/1's meaning filled in: a licence
 * that names no channels allows every channel (exports were never limited by
 * channel before scopes existed); one that names no AI use allows none (a
 * remix licence never granted machine learning); no approval unless asked.
 *
 * @example
 * effectiveScopes({ ...licence, scopes: undefined });
 * // { channels: ['streaming-distribution', 'social-only', 'non-commercial', 'sync-on-request'], aiUse: { 'voice-model': false, training: false }, approvalRequired: false }
 */
export function effectiveScopes(licence: Pick<Licence, 'scopes'>): { channels: ExportChannel[]; aiUse: Record<AiUse, boolean>; approvalRequired: boolean } {
  const scopes = licence.scopes;
  return {
    channels: scopes?.channels ? exportChannels.filter((c) => scopes.channels!.includes(c)) : [...exportChannels],
    aiUse: Object.fromEntries(aiUses.map((use) => [use, scopes?.aiUse?.[use] === true])) as Record<AiUse, boolean>,
    approvalRequired: scopes?.approvalRequired === true,
  };
}

const channelWords: Record<ExportChannel, string> = {
  'streaming-distribution': 'streaming and download distribution',
  'social-only': 'social media only',
  'non-commercial': 'non-commercial use',
  'sync-on-request': 'sync (on request)',
};

/** A channel in words ("social media only"). */
export function channelName(channel: ExportChannel): string {
  return channelWords[channel];
}

const aiWords: Record<AiUse, string> = { 'voice-model': 'training a voice model', training: 'AI training' };

/** An AI use in words ("training a voice model"). */
export function aiUseName(use: AiUse): string {
  return aiWords[use];
}
