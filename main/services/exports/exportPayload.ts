import type { ExportIntent } from '../../../shared/lineage/decideScopes';
import { buildAttributionPayload, type AttributionPayload, type AttributionRecord } from '../../../shared/rights/attributionRecord';
import type { ExportPlan } from '../../../shared/rights/planExport';
import type { ExportAudioFacts } from './exportAudioJob';
import { resamplingFacts } from './resamplingFacts';

/** What the export's record says beyond its plan: which export, of what, as what file, by whom. */
export interface ExportPayloadInput {
  readonly exportId: string;
  readonly createdAt: string;
  readonly appVersion: string;
  readonly project: AttributionRecord['project'];
  readonly kind: 'remix' | 'cover';
  readonly file: { readonly title: string; readonly isrc?: string; readonly format: 'wav' | 'flac' | 'mp3'; readonly bitDepth: 16 | 24 };
  /** What the render measured of the encoded audio. */
  readonly audio: ExportAudioFacts;
  readonly creator: string;
  readonly intent: ExportIntent;
  readonly library: { readonly publicKey: string; readonly keyFingerprint: string };
}

/**
 * The attribution record's payload (everything but its ledger stamp and
 * signature), from an allowed plan and the rendered audio: the decision,
 * credits and splits are the plan's, never decided again.
 *
 * @example
 * const payload = exportPayload(plan, { exportId, createdAt, appVersion, project, kind: 'remix', file, audio: audio.facts, creator, intent, library });
 */
export function exportPayload(plan: ExportPlan, input: ExportPayloadInput): AttributionPayload {
  if (!plan.splits) throw new Error('exportPayload needs an allowed plan (a refused one has no splits).');
  const { file, audio } = input;
  return buildAttributionPayload({
    exportId: input.exportId,
    createdAt: input.createdAt,
    appVersion: input.appVersion,
    project: input.project,
    document: plan.view.rightsDocument,
    identified: plan.view.identified,
    output: {
      title: file.title,
      ...(file.isrc ? { isrc: file.isrc } : {}),
      versionType: input.kind,
      format: file.format,
      ...(file.format === 'mp3' ? { bitrateKbps: 320 } : { bitDepth: file.bitDepth }),
      sampleRate: audio.sampleRate,
      resampling: resamplingFacts(audio.resampling),
      channels: audio.channels,
      durationSec: audio.durationSec,
      audioSha256: audio.audioSha256,
      loudness: audio.loudness,
    },
    creator: { name: input.creator },
    decision: plan.decision,
    recordings: plan.recordings,
    splits: plan.splits,
    credits: plan.credits,
    library: input.library,
    intent: { ...input.intent, approvals: [...plan.approvals] },
    ...(plan.lineage ? { lineage: plan.lineage } : {}),
  });
}
