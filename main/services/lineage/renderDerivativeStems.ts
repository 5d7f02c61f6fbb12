import type { ProjectDocument } from '../../../shared/project/documentSchema';
import type { AttributionRecord } from '../../../shared/rights/attributionRecord';
import { normalizeLoudness } from '../../../engine/common/dsp/normalizeLoudness';
import { renderStems } from '../../../engine/common/render/renderStems';
import { nodeRenderEnvironment } from '../../../engine/node/nodeRenderEnvironment';
import { decodeAudio } from '../../media/decodeAudio';
import { encodeFlac, flacFile } from '../../media/encode/encodeFlac';
import { quantize } from '../../media/encode/quantize';
import { VORBIS_COMMENT_BLOCK, vorbisCommentBlock } from '../../media/metadata/vorbisComment';
import { ContentStore } from '../../media/ContentStore';
import { PcmCache } from '../../media/PcmCache';
import { contentStoreAudio } from '../../media/contentStoreAudio';
import { ServiceError } from '../ServiceError';

const STEM_BITS = 24;
/** How far the stems' sum may stray from the export (RMS, dBFS): quantisation of a 16-bit export is about −100 dBFS. */
const NULL_TEST_LIMIT_DB = -80;

/** What rendering a derivative's stems needs: plain data, so it crosses to a worker thread as is. */
export interface DerivativeStemsJob {
  /** The export's project revision, as the catalog sees it. */
  readonly document: ProjectDocument;
  readonly record: AttributionRecord;
  /** The export file's bytes (the stems must sum to its audio). */
  readonly exportFile: Uint8Array;
  /** The library's content store (the PCM cache the render reads). */
  readonly storeRoot: string;
  readonly tmpDir: string;
}

export interface DerivativeStem {
  readonly trackId: string;
  readonly name: string;
  /** 24-bit FLAC. */
  readonly bytes: Buffer;
}

/**
 * The export's per-track stems, rendered again from its project revision
 * with the same engine (renderStems: the mix's limiter and loudness gain
 * carried onto each stem), encoded as 24-bit FLAC — and proved: decoded
 * back, they must sum to the export file's own audio within quantisation
 * (a null test), or nothing is published. A lossy export has no samples
 * for stems to sum to, so only a WAV or FLAC export can publish stems.
 * Runs on a worker thread (renderStemsOffThread); deterministic on any thread.
 *
 * @example
 * const { stems, nullTestDb } = await renderDerivativeStems({ document, record, exportFile, storeRoot, tmpDir }, signal, onProgress);
 */
export async function renderDerivativeStems(
  job: DerivativeStemsJob,
  signal: AbortSignal | undefined,
  onProgress: (done: number, total: number) => void,
): Promise<{ stems: DerivativeStem[]; nullTestDb: number }> {
  const { document, record, exportFile } = job;
  if (record.output.format === 'mp3')
    throw new ServiceError(
      'refused',
      'Stems can be published only from a lossless (WAV or FLAC) export: they must sum to its samples, and an MP3 has none to sum to. Publish the mix alone, or export again as WAV or FLAC.',
    );
  const target = record.output.loudness.normalizedTo;
  const environment = await nodeRenderEnvironment(contentStoreAudio(PcmCache.of(new ContentStore(job.storeRoot, job.tmpDir))));
  const rendered = await renderStems(document, environment, {
    outputRate: record.output.sampleRate,
    signal,
    onStem: onProgress,
    ...(target !== null ? { finish: (channels: Float32Array[], rate: number) => void normalizeLoudness(channels, rate, target) } : {}),
  });
  const max = 2 ** (STEM_BITS - 1) - 1;
  const names = new Map(document.tracks.map((t) => [t.id, t.name]));
  const exported = await decodeAudio(exportFile);
  const frames = exported.frames;
  const sum = exported.channels.map(() => new Float64Array(frames));
  const stems: DerivativeStem[] = [];
  for (const stem of rendered.stems) {
    const samples = quantize(stem.channels, STEM_BITS);
    if (samples.every((channel) => channel.every((v) => v === 0))) continue;
    samples.forEach((channel, c) => {
      const target = sum[c];
      if (!target) return;
      for (let i = 0; i < Math.min(frames, channel.length); i++) target[i]! += channel[i]! / max;
    });
    const name = names.get(stem.trackId) ?? stem.trackId;
    const comments: [string, string][] = [
      ['TITLE', `${record.output.title} — ${name}`],
      ['ARTIST', record.creator.name],
      ['STEMROOM_EXPORT_ID', record.exportId],
    ];
    stems.push({
      trackId: stem.trackId,
      name,
      bytes: flacFile(encodeFlac(samples, rendered.sampleRate, STEM_BITS), [{ type: VORBIS_COMMENT_BLOCK, body: vorbisCommentBlock('Stemroom', comments) }]),
    });
  }
  let energy = 0;
  exported.channels.forEach((channel, c) => {
    for (let i = 0; i < frames; i++) energy += (sum[c]![i]! - channel[i]!) ** 2;
  });
  const nullTestDb = Math.round(10 * Math.log10(energy / (frames * exported.channels.length) + 1e-30) * 10) / 10;
  if (rendered.sampleRate !== exported.sampleRate || nullTestDb > NULL_TEST_LIMIT_DB) {
    throw new ServiceError(
      'refused',
      `The stems rendered again from the project do not sum to the export (residual ${nullTestDb} dBFS RMS, allowed ${NULL_TEST_LIMIT_DB}): the project or the engine changed since it was exported. Publish the mix alone, or export again.`,
    );
  }
  return { stems, nullTestDb };
}
