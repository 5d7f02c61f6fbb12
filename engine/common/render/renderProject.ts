import type { ProjectDocument } from '../../../shared/project/documentSchema';
import { audibleTracks } from '../../../shared/project/audibleTracks';
import { LimiterDsp } from '../dsp/LimiterDsp';
import { Resampler, type ResamplerDesign } from '../dsp/Resampler';
import { effectTail } from '../graph/effects/createEffect';
import { MixGraph } from '../graph/MixGraph';
import { dbToGain } from '../graph/effects/EffectNode';
import { pairwiseHalves } from '../graph/pairwiseHalves';
import { placeClips } from '../graph/clipPlacement';
import { PreparedAudio, type LoadAudio, type Stretch } from '../graph/PreparedAudio';
import { scheduleClip } from '../graph/scheduleClip';
import type { CreateConvolver } from './applyReverb';
import { playBuffer, prerenderReverbTracks, type PrerenderedTrack } from './prerenderReverbTracks';

/** What an offline render needs from its host: a context, decoded audio, a stretcher. Chromium and Node provide their own. */
export interface RenderEnvironment {
  createContext(channels: number, frames: number, sampleRate: number): OfflineAudioContext;
  load: LoadAudio;
  stretch: Stretch;
  /**
   * Fast whole-signal convolution (Node: PFFFT). With it, reverbs run outside
   * the graph (prerenderReverbTracks); without it, as ConvolverNodes.
   */
  createConvolver?: CreateConvolver;
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

/** One rate conversion a render made: every source at one rate, or the master bus. */
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
  // The tracks split into the two halves of the pairwise summing tree, each rendered in its own context:
  // the contexts render in parallel (one thread each), and adding the halves here repeats the root addition
  // of the tree in float32, so the mix is bit-identical to rendering all tracks in one context.
  const [leftCount] = pairwiseHalves(document.tracks.length);
  const halves = [document.tracks.slice(0, leftCount), document.tracks.slice(leftCount)].filter((half) => half.length > 0);
  const contexts = halves.map(() => environment.createContext(2, frames, sampleRate));

  const prepared = new PreparedAudio(contexts[0] ?? environment.createContext(2, frames, sampleRate), environment.load, environment.stretch);
  await prepared.prepareAll(
    placements.map((p) => p.preparation),
    (done, total) => options.onProgress?.('preparing', done, total),
  );
  throwIfAborted(options.signal);

  let mixer = document;
  let prerendered = new Map<string, PrerenderedTrack>();
  if (environment.createConvolver) {
    prerendered = await prerenderReverbTracks({
      document,
      placements,
      prepared,
      frames,
      sampleRate,
      createContext: (channels, length, rate) => environment.createContext(channels, length, rate),
      createConvolver: environment.createConvolver,
      signal: options.signal,
      onProgress: (done, total) => options.onProgress?.('rendering', done, total + 1),
    });
    mixer = mixerAfterReverbs(document, prerendered);
  }

  halves.forEach((_, h) => {
    const context = contexts[h]!;
    const tracks = mixer.tracks.filter((track) => halves[h]!.some((t) => t.id === track.id));
    const graph = new MixGraph(context, mixer, tracks);
    for (const placement of placements) {
      const chain = graph.tracks.get(placement.clip.trackId);
      const buffer = prepared.buffer(placement.preparation);
      if (!chain || !buffer || prerendered.has(placement.clip.trackId)) continue;
      scheduleClip(context, placement, buffer, chain.clipInput(), 0, 0);
    }
    for (const [trackId, track] of prerendered) {
      const chain = graph.tracks.get(trackId);
      if (chain) playBuffer(context, track.channels).connect(chain.clipInput());
    }
    for (const chain of graph.tracks.values()) chain.scheduleAutomation(document.bpm, 0, 0);
    graph.sealSum().connect(context.destination);
  });

  options.onProgress?.('rendering', 0, 1);
  const rendered = await Promise.all(contexts.map((context) => context.startRendering()));
  throwIfAborted(options.signal);
  const mixed = masterMix(rendered, frames, dbToGain(document.master.gainDb));
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

/**
 * The mixer the final pass builds once reverbs ran outside it: tracks that
 * were prerendered keep only the effects after their last reverb (their
 * input is that signal); inaudible tracks lose their effects (silence
 * either way, and no ConvolverNode left to pay for).
 */
function mixerAfterReverbs(document: ProjectDocument, prerendered: ReadonlyMap<string, PrerenderedTrack>): ProjectDocument {
  const audible = audibleTracks(document.tracks);
  return {
    ...document,
    tracks: document.tracks.map((track) => {
      const done = prerendered.get(track.id);
      if (done) return { ...track, effects: done.effectsAfter };
      return audible.has(track.id) ? track : { ...track, effects: [] };
    }),
  };
}
