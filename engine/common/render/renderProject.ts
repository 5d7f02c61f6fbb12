import type { ProjectDocument } from '../../../shared/project/documentSchema';
import { LimiterDsp } from '../dsp/LimiterDsp';
import { Resampler, type ResamplerDesign } from '../dsp/Resampler';
import { effectTail } from '../graph/effects/createEffect';
import { MixGraph } from '../graph/MixGraph';
import { dbToGain } from '../graph/effects/EffectNode';
import { pairwiseHalves } from '../graph/pairwiseHalves';
import { placeClips, type ClipPlacement } from '../graph/clipPlacement';
import { PreparedAudio, type LoadAudio, type Stretch } from '../graph/PreparedAudio';
import { scheduleClip } from '../graph/scheduleClip';
import { renderTracksApart } from './renderTracksApart';
import { sumTracks } from './sumTracks';
import type { RunTrackStages } from './trackStages';

/**
 * What an offline render needs from its host: a context, decoded audio, a stretcher. Chromium and Node provide their own.
 *
 * @example
 * const environment: RenderEnvironment = await nodeRenderEnvironment(contentStoreAudio(PcmCache.of(store)));   // Node, block DSP on workers
 * const inPage: RenderEnvironment = browserRenderEnvironment((sha) => audio.source(sha));                    // Chromium, one graph
 */
export interface RenderEnvironment {
  createContext(channels: number, frames: number, sampleRate: number): OfflineAudioContext;
  load: LoadAudio;
  stretch: Stretch;
  /**
   * Block DSP for tracks (Node: worker threads, reverbs by PFFFT). With it,
   * each track renders apart, its effects, fader and pan as block DSP
   * (renderTracksApart); without it, the whole mixer is one graph,
   * reverbs as ConvolverNodes (the page, and the reference renders).
   */
  runTrackStages?: RunTrackStages;
}

export interface RenderOptions {
  /** The rate the mix renders at; default the project's (document.sampleRate). Sources at other rates are resampled to it. */
  readonly sampleRate?: number;
  /** The rate delivered, when it differs from the mix's: the master bus is resampled once, before the limiter. */
  readonly outputRate?: number;
  /** Render reverb and delay tails after the last clip (exports do). */
  readonly includeTail?: boolean;
  /** Run the master limiter over the result (default). renderStems limits the mix itself and carries its gain onto each stem. */
  readonly limit?: boolean;
  /** Render at least this many seconds (renderStems renders each track as long as the whole mix: an effect's latency can outlast its clips). */
  readonly minSeconds?: number;
  readonly onProgress?: (phase: 'preparing' | 'rendering' | 'resampling' | 'limiting', done: number, total: number) => void;
  readonly signal?: AbortSignal;
}

/**
 * One rate conversion a render made: every source at one rate, or the master bus.
 *
 * @example
 * const mix = await renderProject(document, environment, { outputRate: 48000 });
 * for (const r of mix.resampling) console.log(r.stage, r.fromRate, '→', r.toRate);
 */
export interface Resampling extends ResamplerDesign {
  readonly stage: 'sources' | 'master';
}

export interface RenderedMix {
  /** The delivered rate (outputRate). */
  readonly sampleRate: number;
  /** Rate conversions made on the way (none when sources, mix and output share one rate). */
  readonly resampling: readonly Resampling[];
  readonly channels: Float32Array[];
  /** Seconds until the last clip ends. */
  readonly contentSeconds: number;
  /** Seconds rendered (content plus tail). */
  readonly seconds: number;
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DOMException('Render cancelled', 'AbortError');
}

/**
 * Renders a document offline through the same MixGraph live playback uses,
 * then the master limiter's DSP over the result. Deterministic: pairwise
 * sums, seeded reverbs and a deterministic stretcher give bit-identical
 * output for the same document and sources.
 *
 * @example
 * const mix = await renderProject(document, environment, { includeTail: true, onProgress: (phase, done, total) => bar.update(phase, done, total) });
 * mix.channels;         // one Float32Array per channel at mix.sampleRate, limited
 * mix.contentSeconds;   // until the last clip ends; mix.seconds includes the tail
 */
export async function renderProject(document: ProjectDocument, environment: RenderEnvironment, options: RenderOptions = {}): Promise<RenderedMix> {
  const sampleRate = options.sampleRate ?? document.sampleRate;
  const outputRate = options.outputRate ?? sampleRate;
  const placements = placeClips(document);
  const contentSeconds = Math.max(0, ...placements.map((p) => p.end));
  const tracksWithClips = new Set(placements.map((p) => p.clip.trackId));
  const tail =
    options.includeTail === false
      ? 0
      : Math.max(0, ...document.tracks.filter((t) => tracksWithClips.has(t.id)).flatMap((t) => t.effects.map((e) => effectTail(e, document.bpm))));
  const frames = Math.max(1, Math.ceil((contentSeconds + tail) * sampleRate), Math.ceil((options.minSeconds ?? 0) * sampleRate));
  // AudioBuffers serve any context of the rate: the sources are prepared once, for whichever contexts render them.
  // Rendering tracks apart, most clips play as block DSP from the channels: an AudioBuffer (a copy) only for those the graph plays.
  const prepared = new PreparedAudio(environment.createContext(1, 1, sampleRate), environment.load, environment.stretch, {
    lazyBuffers: environment.runTrackStages !== undefined,
  });
  await prepared.prepareAll(
    placements.map((p) => p.preparation),
    (done, total) => options.onProgress?.('preparing', done, total),
  );
  throwIfAborted(options.signal);

  let mixed: Float32Array[];
  if (environment.runTrackStages) {
    const outputs = await renderTracksApart({
      document,
      placements,
      prepared,
      frames,
      sampleRate,
      createContext: (channels, length, rate) => environment.createContext(channels, length, rate),
      runStages: environment.runTrackStages,
      signal: options.signal,
      onProgress: (done, total) => options.onProgress?.('rendering', done, total),
    });
    prepared.clear();
    mixed = sumTracks(outputs, frames, dbToGain(document.master.gainDb));
  } else {
    options.onProgress?.('rendering', 0, 1);
    mixed = await renderGraphHalves(document, placements, prepared, environment, frames, sampleRate);
  }
  throwIfAborted(options.signal);
  const resampling: Resampling[] = prepared.resamplings().map((design) => ({ ...design, stage: 'sources' }));
  let channels = mixed;
  if (outputRate !== sampleRate) {
    options.onProgress?.('resampling', 0, 1);
    const master = new Resampler(sampleRate, outputRate);
    channels = master.process(mixed);
    resampling.push({ ...master.design, stage: 'master' });
    throwIfAborted(options.signal);
  }
  if (options.limit !== false) {
    options.onProgress?.('limiting', 0, 1);
    LimiterDsp.limitBuffer(channels, outputRate, document.master.limiterCeilingDb);
    options.onProgress?.('limiting', 1, 1);
  }
  return { sampleRate: outputRate, resampling, channels, contentSeconds, seconds: channels[0]!.length / outputRate };
}

/**
 * The whole mixer as the live graph, split into the two halves of its
 * pairwise summing tree, each rendered in its own context: the contexts
 * render in parallel (one thread each), and adding the halves repeats the
 * root addition of the tree in float32, so the mix is bit-identical to
 * rendering all tracks in one context.
 */
async function renderGraphHalves(
  document: ProjectDocument,
  placements: readonly ClipPlacement[],
  prepared: PreparedAudio,
  environment: RenderEnvironment,
  frames: number,
  sampleRate: number,
): Promise<Float32Array[]> {
  const [leftCount] = pairwiseHalves(document.tracks.length);
  const halves = [document.tracks.slice(0, leftCount), document.tracks.slice(leftCount)].filter((half) => half.length > 0);
  const contexts = halves.map((tracks) => {
    const context = environment.createContext(2, frames, sampleRate);
    const graph = new MixGraph(context, document, tracks);
    for (const placement of placements) {
      const chain = graph.tracks.get(placement.clip.trackId);
      const buffer = prepared.buffer(placement.preparation);
      if (chain && buffer) scheduleClip(context, placement, buffer, chain.clipInput(), 0, 0);
    }
    for (const chain of graph.tracks.values()) chain.scheduleAutomation(document.bpm, 0, 0);
    graph.sealSum().connect(context.destination);
    return context;
  });
  const rendered = await Promise.all(contexts.map((context) => context.startRendering()));
  return masterMix(rendered, frames, dbToGain(document.master.gainDb));
}

/**
 * The master bus over the rendered halves: their sum, then the master gain
 * — in float32 exactly as the GainNodes would (each sum and product of two
 * float32 values is exact in a double and rounded once when stored).
 */
function masterMix(halves: readonly AudioBuffer[], frames: number, masterGain: number): Float32Array[] {
  const gain = Math.fround(masterGain);
  return [0, 1].map((c) => {
    const out = new Float32Array(frames);
    const left = halves[0]?.getChannelData(c);
    const right = halves[1]?.getChannelData(c);
    if (!left) return out;
    if (right) for (let i = 0; i < frames; i++) out[i] = Math.fround(left[i]! + right[i]!) * gain;
    else for (let i = 0; i < frames; i++) out[i] = left[i]! * gain;
    return out;
  });
}
