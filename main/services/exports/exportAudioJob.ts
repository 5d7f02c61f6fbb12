import crypto from 'node:crypto';
import type { ProjectDocument } from '../../../shared/project/documentSchema';
import type { AttributionRecord } from '../../../shared/rights/attributionRecord';
import { renderProject, type Resampling } from '../../../engine/common/render/renderProject';
import { nodeRenderEnvironment } from '../../../engine/node/nodeRenderEnvironment';
import { ContentStore } from '../../media/ContentStore';
import { PcmCache } from '../../media/PcmCache';
import { contentStoreAudio } from '../../media/contentStoreAudio';
import type { TagSet } from '../../media/metadata/TagSet';
import { encodedFromParts, type EncodedParts, type ExportFormat } from './encodeExport';
import { exportSampleRate, finishMix } from './finishMix';
import { prewarmMeasuring } from '../../media/measure/measureMix';

/** What an export's audio needs: plain data, so it crosses to a worker thread as is. */
export interface ExportAudioRequest {
  /** The document as the catalog sees it (catalog facts, not the document's claims). */
  readonly document: ProjectDocument;
  readonly storeRoot: string;
  readonly tmpDir: string;
  /** The asked rate (an MP3 above 48 kHz renders at half: exportSampleRate). */
  readonly outputRate: number;
  readonly normalizeLufs: number | null;
  readonly format: ExportFormat;
  readonly bitDepth: 16 | 24;
}

/** The facts about the rendered, encoded audio the attribution record carries. */
export interface ExportAudioFacts {
  readonly sampleRate: number;
  readonly channels: number;
  readonly durationSec: number;
  readonly resampling: readonly Resampling[];
  /** Measured on what the file plays (an MP3 decoded back); a target the ceiling held back says so. */
  readonly loudness: AttributionRecord['output']['loudness'];
  /** What the creator must know: a loudness target that could not be reached, a ceiling an encoder broke. */
  readonly notes: readonly string[];
  /** SHA-256 of the encoded audio payload (what the record and ledger name). */
  readonly audioSha256: string;
  /** Encoded waveform peaks of the final mix. */
  readonly peaks: Uint8Array;
}

export interface ExportAudio {
  readonly facts: ExportAudioFacts;
  /** The encoded audio as plain data, for the thread that writes the file. */
  readonly parts: EncodedParts;
  /** The final file: the same audio payload wrapped with these tags. */
  withTags(tags: TagSet): Buffer[];
}

export type ExportAudioProgress = (label: string, done: number, total: number) => void;

const phaseLabels = { preparing: 'Preparing audio', rendering: 'Rendering', resampling: 'Resampling', limiting: 'Limiting' } as const;

/**
 * The heavy half of an export — render (from the PCM cache), limiter,
 * loudness (and normalisation), encode, hash, peaks (finishMix does all
 * after the render) — with no library or ledger in sight, so it runs on a
 * worker thread (renderExportAudio) and the main process stays responsive. Deterministic: the same request gives
 * the same audio on any thread.
 */
export async function runExportAudioJob(request: ExportAudioRequest, onProgress: ExportAudioProgress, signal?: AbortSignal): Promise<ExportAudio> {
  prewarmMeasuring(); // its worker starts while the mix renders
  const store = new ContentStore(request.storeRoot, request.tmpDir);
  const environment = await nodeRenderEnvironment(contentStoreAudio(PcmCache.of(store)));
  const mix = await renderProject(request.document, environment, {
    outputRate: exportSampleRate(request.format, request.outputRate),
    signal,
    onProgress: (phase, done, total) => onProgress(phaseLabels[phase], done, total),
  });
  throwIfAborted(signal);
  const { parts, loudness, peaks, notes } = await finishMix(mix.channels, mix.sampleRate, request, (label) => {
    throwIfAborted(signal);
    onProgress(label, 0, 1);
  });
  throwIfAborted(signal);
  const encoded = encodedFromParts(parts);
  const facts: ExportAudioFacts = {
    sampleRate: mix.sampleRate,
    channels: mix.channels.length,
    durationSec: mix.channels[0]!.length / mix.sampleRate,
    resampling: mix.resampling,
    loudness,
    notes,
    audioSha256: crypto.createHash('sha256').update(encoded.audioData).digest('hex'),
    peaks,
  };
  return { facts, parts, withTags: (tags) => encoded.withTags(tags) };
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DOMException('Export cancelled', 'AbortError');
}
