import { Worker } from 'node:worker_threads';
import { gatedLoudness } from '../../../shared/dsp/loudness';
import { encodePeaks } from '../../../shared/dsp/waveformPeaks';
import { samplesPerBucketFor } from '../../../shared/dsp/waveformPeaks';
import { measureChannel, type ChannelMeasurement } from './measureChannel';
import type { ChannelJob, ChannelJobResult } from './ChannelJob';

/** An export's numbers, measured from its mix. */
export interface MixMeasurement {
  /** EBU R128 integrated loudness, LUFS (null for silence). */
  readonly integratedLufs: number | null;
  /** ITU-R BS.1770 true peak over all channels, dBTP (null for silence). */
  readonly truePeakDbtp: number | null;
  /** Waveform peaks of the mix (encodePeaks form). */
  readonly peaks: Uint8Array;
  /** The interleaved WAV data, when asked for. */
  readonly pcm: Buffer | null;
  /** Channels the worker thread measured (0 when everything ran here). */
  readonly onWorker: number;
}

interface Pending {
  resolve(result: ChannelMeasurement): void;
  reject(error: Error): void;
}

/** The measuring worker: started once, kept between exports (undefined: not tried; null: cannot start). */
let helper: { worker: Worker; pending: Map<number, Pending>; nextId: number } | null | undefined;

/** tsx's programmatic loader (a dev dependency: tests and benchmarks run the TypeScript sources). */
const TSX_LOADER = 'tsx/esm/api';

/**
 * The worker script beside this module: the bundled measureWorker.mjs in a
 * build (kept outside the asar archive by electron-builder), or from source
 * (tests, benchmarks) the TypeScript entry through tsx's loader, registered
 * inside the worker (Node 20 workers do not inherit it).
 */

function workerScript(): string | URL {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new URL(new URL('./measureWorker.mjs', here).href.replace('/app.asar/', '/app.asar.unpacked/'));
  const script = new URL('./channelWorker.ts', here).href;
  // The loader's name is spliced in, not written as an import: this module is bundled into exportAudioWorker.mjs, whose
  // by-name imports must all be packaged (tests/e2e/packaging), and a build never takes this branch.
  return `import(${JSON.stringify(TSX_LOADER)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(script)}); });`;
}

function startHelper(): typeof helper {
  if (helper !== undefined) return helper;
  try {
    const script = workerScript();
    const worker = new Worker(script, { eval: typeof script === 'string', execArgv: [] });
    const started = { worker, pending: new Map<number, Pending>(), nextId: 1 };
    worker.unref(); // an idle helper never keeps the process alive
    worker.on('message', (result: ChannelJobResult) => {
      const pending = started.pending.get(result.id);
      started.pending.delete(result.id);
      if (started.pending.size === 0) worker.unref();
      if ('error' in result) pending?.reject(new Error(result.error));
      else pending?.resolve(result);
    });
    const fail = (error: Error) => {
      helper = null;
      for (const pending of started.pending.values()) pending.reject(error);
      started.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the measuring worker stopped (exit code ${code})`)));
    helper = started;
  } catch {
    helper = null;
  }
  return helper;
}

/**
 * Starts the measuring worker now, so its start-up (module loading) runs
 * while the mix renders instead of after.
 */
export function prewarmMeasuring(): void {
  startHelper();
}

function toShared(channel: Float32Array): SharedArrayBuffer {
  const shared = new SharedArrayBuffer(channel.byteLength);
  new Float32Array(shared).set(channel);
  return shared;
}

/**
 * Measures a rendered mix — integrated loudness, true peak, waveform peaks
 * — and, when `pcm` is given, writes its interleaved WAV data, with the
 * channels split between this thread and a worker thread (2 cores: half
 * the time). The results equal measuring and quantizing every channel
 * here; if the worker cannot run, everything is done here.
 *
 * @example
 * const { integratedLufs, truePeakDbtp, pcm } = await measureMix(mix.channels, 48000, { bitDepth: 24, seed: 0x5eed });
 */
export async function measureMix(
  channels: readonly Float32Array[],
  sampleRate: number,
  pcm?: { readonly bitDepth: 16 | 24; readonly seed: number },
): Promise<MixMeasurement> {
  const frames = channels[0]?.length ?? 0;
  const pcmBytes = pcm ? frames * channels.length * (pcm.bitDepth / 8) : 0;
  const worker = channels.length > 1 ? startHelper() : null;
  const out = pcm ? (worker ? Buffer.from(new SharedArrayBuffer(pcmBytes)) : Buffer.allocUnsafe(pcmBytes)) : null;
  const lane = (index: number) => (pcm && out ? { out, index, channelCount: channels.length, bitDepth: pcm.bitDepth, seed: pcm.seed } : undefined);

  const results: Promise<ChannelMeasurement>[] = [];
  const here: number[] = [];
  let onWorker = 0;
  channels.forEach((channel, index) => {
    // Odd channels go to the worker, even ones stay (stereo: left here, right there).
    if (!worker || index % 2 === 0) return void here.push(index);
    const id = worker.nextId++;
    const job: ChannelJob = {
      id,
      channel: toShared(channel),
      sampleRate,
      index,
      channelCount: channels.length,
      pcm: out ? (out.buffer as SharedArrayBuffer) : null,
      bitDepth: pcm?.bitDepth ?? null,
      seed: pcm?.seed ?? 0,
    };
    results[index] = new Promise<ChannelMeasurement>((resolve, reject) => worker.pending.set(id, { resolve, reject })).then(
      (result) => (onWorker++, result),
      () => measureChannel(channel, sampleRate, lane(index)),
    );
    worker.worker.ref();
    worker.worker.postMessage(job);
  });
  for (const index of here) results[index] = Promise.resolve(measureChannel(channels[index]!, sampleRate, lane(index)));
  const measured = await Promise.all(results);

  const energies = new Float64Array(measured[0]?.energies.length ?? 0);
  for (const m of measured) for (let j = 0; j < energies.length; j++) energies[j]! += m.energies[j]!;
  const minMax = measured[0]!.peaks.slice();
  for (const m of measured.slice(1)) {
    for (let i = 0; i < minMax.length; i += 2) {
      if (m.peaks[i]! < minMax[i]!) minMax[i] = m.peaks[i]!;
      if (m.peaks[i + 1]! > minMax[i + 1]!) minMax[i + 1] = m.peaks[i + 1]!;
    }
  }
  const integrated = gatedLoudness(energies);
  const truePeak = Math.max(...measured.map((m) => m.truePeakDb));
  return {
    integratedLufs: Number.isFinite(integrated) ? integrated : null,
    truePeakDbtp: Number.isFinite(truePeak) ? truePeak : null,
    peaks: encodePeaks({ sampleRate, samplesPerBucket: samplesPerBucketFor(sampleRate), minMax }),
    pcm: out,
    onWorker,
  };
}
