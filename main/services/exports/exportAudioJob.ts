import crypto from 'node:crypto';
import type { ProjectDocument } from '../../../shared/project/documentSchema';
import { integratedLoudness } from '../../../shared/dsp/loudness';
import { truePeakDb } from '../../../shared/dsp/truePeak';
import { computePeaks, encodePeaks } from '../../../shared/dsp/waveformPeaks';
import { normalizeLoudness } from '../../../engine/common/dsp/normalizeLoudness';
import { renderProject, type Resampling } from '../../../engine/common/render/renderProject';
import { nodeRenderEnvironment } from '../../../engine/node/nodeRenderEnvironment';
import { ContentStore } from '../../media/ContentStore';
import { PcmCache } from '../../media/PcmCache';
import { contentStoreAudio } from '../../media/contentStoreAudio';
import type { TagSet } from '../../media/metadata/TagSet';
import { encodeExport, type EncodedParts, type ExportFormat } from './encodeExport';

/** What an export's audio needs: plain data, so it crosses to a worker thread as is. */
export interface ExportAudioRequest {
  /** The document as the catalog sees it (catalog facts, not the document's claims). */
  readonly document: ProjectDocument;
  readonly storeRoot: string;
  readonly tmpDir: string;
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
  readonly loudness: { readonly integratedLufs: number | null; readonly truePeakDbtp: number | null; readonly normalizedTo: number | null };
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
  withTags(tags: TagSet): Buffer;
}

export type ExportAudioProgress = (label: string, done: number, total: number) => void;

const phaseLabels = { preparing: 'Preparing audio', rendering: 'Rendering', resampling: 'Resampling', limiting: 'Limiting' } as const;

/**
 * The heavy half of an export — render (from the PCM cache), limiter,
 * loudness (and normalisation), encode, hash, peaks — with no library or
 * ledger in sight, so it runs on a worker thread (renderExportAudio) and
 * the main process stays responsive. Deterministic: the same request gives
 * the same audio on any thread.
 */
export async function runExportAudioJob(request: ExportAudioRequest, onProgress: ExportAudioProgress, signal?: AbortSignal): Promise<ExportAudio> {
  const store = new ContentStore(request.storeRoot, request.tmpDir);
  const environment = await nodeRenderEnvironment(contentStoreAudio(PcmCache.of(store)));
  const mix = await renderProject(request.document, environment, {
    outputRate: request.outputRate,
    signal,
    onProgress: (phase, done, total) => onProgress(phaseLabels[phase], done, total),
  });
  throwIfAborted(signal);
  onProgress('Measuring loudness', 0, 1);
  const loudness =
    request.normalizeLufs === null
      ? { integratedLufs: finite(integratedLoudness(mix.channels, mix.sampleRate)), truePeakDbtp: finite(truePeakDb(mix.channels)), normalizedTo: null }
      : { ...normalizeLoudness(mix.channels, mix.sampleRate, request.normalizeLufs), normalizedTo: request.normalizeLufs };
  throwIfAborted(signal);
  onProgress('Encoding', 0, 1);
  const encoded = await encodeExport(mix.channels, mix.sampleRate, request.format, request.bitDepth);
  throwIfAborted(signal);
  const facts: ExportAudioFacts = {
    sampleRate: mix.sampleRate,
    channels: mix.channels.length,
    durationSec: mix.channels[0]!.length / mix.sampleRate,
    resampling: mix.resampling,
    loudness: { integratedLufs: round(loudness.integratedLufs), truePeakDbtp: round(loudness.truePeakDbtp), normalizedTo: loudness.normalizedTo },
    audioSha256: crypto.createHash('sha256').update(encoded.audioData).digest('hex'),
    peaks: encodePeaks(computePeaks(mix.channels, mix.sampleRate)),
  };
  return { facts, parts: encoded.parts, withTags: (tags) => encoded.withTags(tags) };
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DOMException('Export cancelled', 'AbortError');
}

function finite(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

function round(value: number | null): number | null {
  return value === null ? null : Math.round(value * 100) / 100;
}
