import type { AiUse, ExportChannel, Licence } from '../catalog/catalogPackageSchema';
import type { RightsReason } from '../rights/ExportRights';
import { aiUseName, channelName, effectiveScopes } from './licenceScopes';

/** A licence whose scopes an export must respect: its own, or one upstream of a derivative it uses. */
export interface ScopedLicence {
  readonly licence: Licence;
  readonly licensorName: string;
  /** The key of the package that granted it (what an approval must be signed with); null when unsigned. */
  readonly packageKeyFingerprint: string | null;
  /** How to name it in a reason: 'licence L-M1 of Test Records (for "Test Song")'. */
  readonly label: string;
}

/** What the export says it is for. */
export interface ExportIntent {
  readonly channel: ExportChannel;
  readonly aiUse?: AiUse;
}

/** A recorded approval that satisfies a licence for this project revision and channel, or undefined. */
export type FindApproval = (licenceId: string, keyFingerprint: string) => { readonly signature: string } | undefined;

/**
 * Whether the export's declared channel and AI use are within every
 * licence's scopes (its own licences and every licence upstream of a
 * derivative it uses), and whether every licence that requires approval
 * has the licensor's signed approval of this very revision and channel.
 * Licences without scopes allow every channel and no AI use, and need no
 * approval (stemroom-catalog/1's meaning).
 *
 * @example
 * decideScopes(licences, { channel: 'streaming-distribution' }, () => undefined).reasons[0]?.code; // 'channel-not-permitted'
 */
export function decideScopes(
  licences: readonly ScopedLicence[],
  intent: ExportIntent,
  findApproval: FindApproval,
): { reasons: RightsReason[]; rules: string[]; approvals: { licence: string; keyFingerprint: string; signature: string }[] } {
  const reasons: RightsReason[] = [];
  const rules: string[] = [];
  const approvals: { licence: string; keyFingerprint: string; signature: string }[] = [];
  const seen = new Set<string>();
  for (const scoped of licences) {
    if (seen.has(scoped.licence.id)) continue;
    seen.add(scoped.licence.id);
    const scopes = effectiveScopes(scoped.licence);
    rules.push(`Channel "${intent.channel}"${intent.aiUse ? ` and AI use "${intent.aiUse}"` : ''} within the scopes of ${scoped.label}.`);
    if (!scopes.channels.includes(intent.channel)) {
      reasons.push({
        code: 'channel-not-permitted',
        message: `${capitalize(scoped.label)} allows ${scopes.channels.map(channelName).join(', ')}; this export is for ${channelName(intent.channel)}.`,
        fix: `Choose a channel it allows (${scopes.channels.join(', ')}), or ask ${scoped.licensorName} for a wider licence.`,
        licenceId: scoped.licence.id,
      });
    }
    if (intent.aiUse && !scopes.aiUse[intent.aiUse]) {
      reasons.push({
        code: 'ai-use-not-permitted',
        message: `${capitalize(scoped.label)} does not allow ${aiUseName(intent.aiUse)}.`,
        fix: `Leave out the AI use, or ask ${scoped.licensorName} for a licence that allows it.`,
        licenceId: scoped.licence.id,
      });
    }
    if (!scopes.approvalRequired) continue;
    rules.push(`Approval by ${scoped.licensorName} required by ${scoped.label}.`);
    const found = scoped.packageKeyFingerprint ? findApproval(scoped.licence.id, scoped.packageKeyFingerprint) : undefined;
    if (found) {
      approvals.push({ licence: scoped.licence.id, keyFingerprint: scoped.packageKeyFingerprint!, signature: found.signature });
      continue;
    }
    reasons.push({
      code: 'approval-missing',
      message: scoped.packageKeyFingerprint
        ? `${capitalize(scoped.label)} requires approval by ${scoped.licensorName} of this exact project revision for ${channelName(intent.channel)}; none is recorded.`
        : `${capitalize(scoped.label)} requires approval by ${scoped.licensorName}, but its package is unsigned, so no approval can be verified.`,
      fix: `Send ${scoped.licensorName} an approval request (stemroom approval request PROJECT --licence ${scoped.licence.id}), then import the approval they sign (stemroom approval import FILE).`,
      licenceId: scoped.licence.id,
    });
  }
  return { reasons, rules, approvals };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
